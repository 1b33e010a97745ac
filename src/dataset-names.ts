import { StitchscanError } from './errors';

/** Joins, findings and reports name datasets: two with one name are an error (E_DUPLICATE_DATASET). */
export function assertDistinctNames(names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new StitchscanError('E_DUPLICATE_DATASET', `Two datasets are named ${name}`, { details: { dataset: name } });
    seen.add(name);
  }
  return seen;
}
