import { StitchscanError } from './errors';

/** Joins, findings and reports name datasets: two with one name are an error (E_DUPLICATE_DATASET). */
export function assertDistinctNames(names: Iterable<string>): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new StitchscanError('E_DUPLICATE_DATASET', `Two datasets are named ${name}`, { details: { dataset: name } });
    seen.add(name);
  }
}

/**
 * An option that names a dataset (`hub`, `keyHints.force`) must name one being scanned: a typo
 * would otherwise do nothing, silently.
 */
export function assertDatasetNamed(names: readonly string[], name: string, option: string): void {
  if (!names.includes(name)) {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid option ${option}: no dataset is named ${name}`, { hint: `Datasets: ${names.join(', ')}.` });
  }
}
