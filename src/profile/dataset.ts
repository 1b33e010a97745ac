import { StitchscanError } from '../errors';
import { ReadIssueCodeSchema, type ColumnProfile, type DatasetProfile, type ReadIssue, type Source, type SourceInfo } from '../model';
import { openSource, type SourceInput } from '../sources';
import { PROFILE_SCHEMA_VERSION } from '../version';
import { findCandidateKeys } from './candidate-keys';
import type { ColumnState } from './column';
import { finalizeColumn } from './finalize-column';
import type { IdentityKeysState } from './identity-keys';
import type { KeySampleState } from './key-sample';
import { profileInWorker, profileOnThisThread, shouldUseWorker } from './threaded';
import { resolveProfileOptions, type ProfileOptions, type ResolvedProfileOptions } from './options';

/** Dataset-level mergeable state: the profile's `sketch`. */
export interface DatasetState {
  v: 1;
  keySample: KeySampleState;
  /** join keys and links (see identity-keys.ts) */
  keys: IdentityKeysState;
}

/**
 * Profiles a dataset in one streaming pass: every column's types, nulls, distinct counts,
 * formats, semantic type and identity checks, and the dataset's candidate keys. Memory grows
 * with the number of columns and `distinctBudget`, not with rows.
 *
 * @param input a file path, URL, Node stream, iterable of objects, or an opened `Source`
 * @param options see `ProfileOptions`; defaults: region `US`, distinctBudget 50000, mask true
 * @returns the dataset profile, plain JSON valid against `DatasetProfileSchema`
 * @example
 * const profile = await profileDataset('fixtures/crm/customers.csv', { region: 'GB' });
 * profile.columns.find((c) => c.name === 'email')?.semanticType; // 'email'
 */
export async function profileDataset(input: SourceInput | Source, options: ProfileOptions = {}): Promise<DatasetProfile> {
  const resolved = resolveProfileOptions(options);
  const source = isSource(input) ? input : await openSource(input, resolved);
  const onBatch = (rows: number): void =>
    resolved.onProgress?.({ dataset: source.name, rows, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
  const columnOptions = {
    distinctBudget: resolved.distinctBudget,
    region: resolved.region,
    mask: resolved.mask,
    keyBudget: resolved.keyBudget,
    linkBudget: resolved.linkBudget,
  };
  const pass = shouldUseWorker(resolved.threads, source)
    ? await profileInWorker(source, columnOptions, onBatch)
    : await profileOnThisThread(source, columnOptions, onBatch);
  const rowCount = pass.rowCount;
  const issues = source.issues();
  if (rowCount === 0 && malformedRows(issues) === 0) {
    throw new StitchscanError('E_EMPTY_INPUT', `No data rows in ${source.info.path ?? source.name}`);
  }
  return buildProfile({
    name: options.name ?? source.name,
    info: source.info,
    rowCount,
    issues,
    columns: pass.columns,
    keySample: pass.keySample,
    keys: pass.keys,
    options: resolved,
  });
}

export interface ProfileParts {
  name: string;
  info: SourceInfo;
  rowCount: number;
  issues: ReadIssue[];
  columns: ColumnState[];
  keySample: KeySampleState;
  keys: IdentityKeysState;
  options: Pick<ResolvedProfileOptions, 'distinctBudget' | 'mask' | 'profiledAt' | 'sketches'> & { region: string };
}

/** Assembles a profile from mergeable parts (used by profileDataset and mergeProfiles). */
export function buildProfile(parts: ProfileParts): DatasetProfile {
  const { options, rowCount } = parts;
  const context = { rowCount, region: options.region, profiledAt: options.profiledAt };
  const columns: ColumnProfile[] = parts.columns.map((state) => finalizeColumn(state, context));
  const profile: DatasetProfile = {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    name: parts.name,
    format: parts.info.format,
    source: parts.info,
    rowCount,
    malformedRowCount: malformedRows(parts.issues),
    columns,
    candidateKeys: findCandidateKeys(columns, rowCount, parts.keySample),
    issues: parts.issues,
    profiledAt: options.profiledAt.toISOString(),
    options: { region: options.region, distinctBudget: options.distinctBudget, mask: options.mask },
    sketch: { v: 1, keySample: parts.keySample, keys: parts.keys } satisfies DatasetState,
  };
  return options.sketches ? profile : stripSketches(profile);
}

/** Issues that cost a row (`ROW_*`, as opposed to header renames or text problems within a row). */
const ROW_ISSUES: ReadonlySet<ReadIssue['code']> = new Set(ReadIssueCodeSchema.options.filter((code) => code.startsWith('ROW_')));

function malformedRows(issues: readonly ReadIssue[]): number {
  return issues.reduce((sum, issue) => sum + (ROW_ISSUES.has(issue.code) ? issue.count : 0), 0);
}

/**
 * The profile without its mergeable sketch state: smaller, and what reports carry.
 * @example JSON.stringify(stripSketches(profile))
 */
export function stripSketches(profile: DatasetProfile): DatasetProfile {
  const { sketch: _dataset, ...rest } = profile;
  return { ...rest, columns: profile.columns.map(({ sketch: _column, ...column }) => column) };
}

function isSource(input: unknown): input is Source {
  return typeof input === 'object' && input !== null && typeof (input as Source).batches === 'function' && 'info' in input;
}
