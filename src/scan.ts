import { fileURLToPath } from 'node:url';
import { assertDatasetNamed, assertDistinctNames } from './dataset-names';
import { StitchscanError } from './errors';
import { buildIdentityGraph } from './graph/identity-graph';
import { findJoins } from './keys/find-joins';
import { findJunkIdentifiers } from './keys/junk';
import { SCAN_REPORT_SCHEMA_VERSION, type DatasetProfile, type ScanReport } from './model';
import { parseOptions } from './options-error';
import { profileDataset, stripSketches } from './profile/dataset';
import { DatasetOptionsSchema, isDatasetObject, ScanOptionsSchema, type ResolvedInput, type ScanInput, type ScanOptions } from './scan-options';
import { resolveScoreOptions } from './score/options';
import { assess } from './score/readiness';
import { datasetName } from './sources/detect';
import type { SourceInput } from './sources';
import { TOOL_NAME, TOOL_VERSION } from './version';

/**
 * Scans datasets end to end: profiles each one, finds the joins between them, builds the identity
 * graph and dry-run stitch, scores readiness and lists the findings with their impact.
 *
 * @param inputs file paths, streams or rows, or `{ input, name, role, region, ... }` objects
 * @param options region, hub, weights, thresholds, keyHints, budgets, mask, now, onProgress
 * @returns the ScanReport (the JSON contract, see docs/report-format.md)
 * @example
 * const report = await scan(['crm.csv', 'events.ndjson.gz'], { region: 'GB' });
 * report.score.overall; report.findings[0]?.fix;
 */
export async function scan(inputs: readonly ScanInput[], options: ScanOptions = {}): Promise<ScanReport> {
  const { onProgress, ...rest } = options;
  const resolved = parseOptions(ScanOptionsSchema, rest);
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new StitchscanError('E_INVALID_OPTION', 'scan() needs at least one input', { hint: 'Pass file paths, streams or arrays of rows: scan(["crm.csv", "events.ndjson"]).' });
  }
  const now = resolved.now === undefined ? new Date() : new Date(resolved.now);
  const datasets = inputs.map(resolveInput);
  checkNames(datasets.map((d) => d.name), resolved.hub);
  const profiles: DatasetProfile[] = [];
  for (const [index, d] of datasets.entries()) {
    // what is left of the dataset's options are its read options: format, encoding, delimiter, hasHeader
    const { name: _name, role: _role, region, ...read } = d.options;
    const profile = await profileDataset(d.input, {
      ...read,
      name: d.name,
      threads: resolved.threads,
      region: region ?? resolved.region,
      distinctBudget: resolved.distinctBudget,
      keyBudget: resolved.keyBudget,
      linkBudget: resolved.linkBudget,
      mask: resolved.mask,
      profiledAt: now,
      ...(onProgress === undefined ? {} : { onProgress: (e) => onProgress({ ...e, index, of: datasets.length }) }),
    });
    profiles.push(profile);
  }
  const { keyHints } = resolved;
  const scoring = resolveScoreOptions(resolved);
  const junk = findJunkIdentifiers(profiles);
  const joins = findJoins(profiles, { junk, keyHints, ...(resolved.minConfidence === undefined ? {} : { minConfidence: resolved.minConfidence }) });
  const graph = buildIdentityGraph(profiles, joins, { junk, ignore: keyHints.ignore, ...(resolved.hub === undefined ? {} : { hub: resolved.hub }) });
  const { score, findings } = assess(profiles, joins, graph, scoring, keyHints.ignore);
  return {
    schemaVersion: SCAN_REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    generatedAt: now.toISOString(),
    options: {
      region: resolved.region,
      hub: graph.hub,
      mask: resolved.mask,
      distinctBudget: resolved.distinctBudget,
      keyBudget: resolved.keyBudget,
      linkBudget: resolved.linkBudget,
      weights: scoring.weights,
      thresholds: scoring.thresholds,
    },
    inputs: profiles.map((p, i) => ({ dataset: p.name, role: datasets[i]!.role, path: pathOf(datasets[i]!.input) })),
    datasets: profiles.map(stripSketches),
    joins,
    graph,
    score,
    findings,
  };
}

/** A dataset's name: given, else its file's name, else `dataset<n>` for streams and rows. */
function nameOf(input: SourceInput, given: string | undefined, index: number): string {
  const path = pathOf(input);
  return given ?? (path === null ? `dataset${index + 1}` : datasetName(path));
}

/** The file an input names (a `file:` URL decoded as openSource decodes it), or null. */
function pathOf(input: SourceInput): string | null {
  if (typeof input === 'string') return input;
  return input instanceof URL && input.protocol === 'file:' ? fileURLToPath(input) : null;
}

function resolveInput(x: ScanInput, index: number): ResolvedInput {
  if (!isDatasetObject(x)) return { input: x, options: {}, role: 'other', name: nameOf(x, undefined, index) };
  const { input, ...rest } = x;
  const options = parseOptions(DatasetOptionsSchema.strict(), rest, { prefix: `inputs.${index}` });
  return { input, options, role: options.role ?? 'other', name: nameOf(input, options.name, index) };
}

/** Names must be unique and the hub one of them: checked before the first file is read. */
function checkNames(names: readonly string[], hub: string | undefined): void {
  assertDistinctNames(names);
  if (hub !== undefined) assertDatasetNamed(names, hub, 'hub');
}
