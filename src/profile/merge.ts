import { StitchscanError } from '../errors';
import { maskValue } from '../identity/mask';
import type { DatasetProfile, ReadIssue, SemanticType } from '../model';
import type { ColumnState, TopState } from './column';
import { EXAMPLE_COUNT, TOP_CANDIDATES } from './column';
import { buildProfile, type DatasetState } from './dataset';
import { IDENTITY_KEYS_VERSION } from './identity-keys';
import { mergeIdentityKeys } from './identity-keys-merge';
import { mergeKeySamples } from './key-sample';
import { base64ToFloat64, base64ToUint32, float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { HyperLogLog } from './sketches/hll';
import { mergeValueStats } from './value-stats';

/**
 * Merges the profiles of two parts of one dataset (for instance two shards profiled on two
 * machines) into the profile of the whole. Exact statistics come out exactly as if the whole had
 * been profiled; estimated ones (HyperLogLog distinct counts, KLL quantiles, sampled phone
 * checks) within their stated bounds. Both profiles must keep their sketches (the default) and
 * be made with the same `region`, `distinctBudget` and `mask`.
 *
 * @param a profile of the first part
 * @param b profile of the second part
 * @returns the profile of both parts together
 * @example
 * const whole = mergeProfiles(await profileDataset('part-1.csv'), await profileDataset('part-2.csv'));
 */
export function mergeProfiles(a: DatasetProfile, b: DatasetProfile): DatasetProfile {
  const stateA = datasetState(a, 'first');
  const stateB = datasetState(b, 'second');
  for (const key of ['region', 'distinctBudget', 'mask'] as const) {
    if (a.options[key] !== b.options[key]) {
      throw new StitchscanError('E_MERGE_MISMATCH', `Cannot merge profiles made with different ${key}: ${String(a.options[key])} and ${String(b.options[key])}`);
    }
  }
  const budget = a.options.distinctBudget;
  const byName = new Map<string, ColumnState>();
  for (const column of a.columns) byName.set(column.name, columnState(column.sketch, a.name));
  for (const column of b.columns) {
    const other = columnState(column.sketch, b.name);
    const mine = byName.get(column.name);
    byName.set(column.name, mine === undefined ? other : mergeColumnStates(mine, other, budget));
  }
  const columns = [...byName.values()].map((state, index) => ({ ...state, index }));
  const profiledAt = a.profiledAt >= b.profiledAt ? a.profiledAt : b.profiledAt;
  return buildProfile({
    name: a.name,
    info: { ...a.source, bytes: a.source.bytes !== null && b.source.bytes !== null ? a.source.bytes + b.source.bytes : null },
    rowCount: a.rowCount + b.rowCount,
    issues: mergeIssues(a.issues, b.issues),
    columns,
    keySample: mergeKeySamples(stateA.keySample, stateB.keySample),
    keys: mergeIdentityKeys(stateA.keys, stateB.keys),
    options: { ...a.options, profiledAt: new Date(profiledAt), sketches: true },
  });
}

function datasetState(profile: DatasetProfile, which: string): DatasetState {
  const sketch = profile.sketch as DatasetState | undefined;
  if (sketch?.v !== 1 || typeof sketch.keySample?.hashes !== 'string') {
    throw new StitchscanError('E_INVALID_PROFILE', `The ${which} profile (${profile.name}) has no sketch state to merge`, {
      hint: 'Profile with sketches: true (the default) and do not pass it through stripSketches() before merging.',
    });
  }
  // Key and link tables changed during 0.x (recipe hashes, per-link sampling hashes, digest keys).
  if (sketch.keys?.v !== IDENTITY_KEYS_VERSION) {
    throw new StitchscanError('E_INVALID_PROFILE', `The ${which} profile (${profile.name}) has join keys in an older form`, {
      hint: 'Profile the dataset again with this version of stitchscan before merging.',
    });
  }
  return sketch;
}

function columnState(sketch: unknown, dataset: string): ColumnState {
  const state = sketch as ColumnState | undefined;
  if (state?.v !== 1 || typeof state.stats !== 'object' || (state.distinct?.mode !== 'exact' && state.distinct?.mode !== 'hll')) {
    throw new StitchscanError('E_INVALID_PROFILE', `A column of ${dataset} has no valid sketch state to merge`);
  }
  return state;
}

/** Merges two states of one column; falls back to HyperLogLog when the union passes the budget. */
export function mergeColumnStates(a: ColumnState, b: ColumnState, budget: number): ColumnState {
  let distinct: ColumnState['distinct'];
  if (a.distinct.mode === 'exact' && b.distinct.mode === 'exact') {
    const counts = exactCounts(a.distinct);
    for (const [hash, count] of exactCounts(b.distinct)) counts.set(hash, (counts.get(hash) ?? 0) + count);
    distinct = counts.size <= budget ? exactState(counts) : { mode: 'hll', hll: hllOf(counts.keys()).toState() };
  } else {
    const hll = new HyperLogLog();
    for (const part of [a.distinct, b.distinct]) {
      if (part.mode === 'hll') hll.merge(HyperLogLog.fromState(part.hll));
      else hll.merge(hllOf(exactCounts(part).keys()));
    }
    distinct = { mode: 'hll', hll: hll.toState() };
  }
  const exact = distinct.mode === 'exact';
  // A part profiled before it looked personal kept raw display values: mask them like the other.
  const maskedAs = a.maskedAs ?? b.maskedAs;
  const [topA, examplesA] = maskedAs !== null && a.maskedAs === null ? masked(a, maskedAs) : [a.top, a.examples];
  const [topB, examplesB] = maskedAs !== null && b.maskedAs === null ? masked(b, maskedAs) : [b.top, b.examples];
  const examples: string[] = [];
  const exampleHashes: number[] = [];
  const seen = new Set<number>();
  for (const [list, hashes] of [[examplesA, a.exampleHashes], [examplesB, b.exampleHashes]] as const) {
    list.forEach((example, i) => {
      const hash = hashes[i]!;
      if (examples.length < EXAMPLE_COUNT && !seen.has(hash)) {
        seen.add(hash);
        examples.push(example);
        exampleHashes.push(hash);
      }
    });
  }
  const tokens = { ...a.tokens };
  for (const [token, count] of Object.entries(b.tokens)) tokens[token] = (tokens[token] ?? 0) + count;
  return {
    v: 1,
    name: a.name,
    index: a.index,
    presentRows: a.presentRows + b.presentRows,
    nullRows: a.nullRows + b.nullRows,
    jsonNull: a.jsonNull + b.jsonNull,
    empty: a.empty + b.empty,
    whitespace: a.whitespace + b.whitespace,
    tokens,
    valueCount: a.valueCount + b.valueCount,
    multiRows: a.multiRows + b.multiRows,
    maxItems: Math.max(a.maxItems, b.maxItems),
    distinct,
    top: mergeTop(topA, topB, distinct.mode === 'exact' ? exactCounts(distinct) : null),
    examples,
    exampleHashes,
    maskedAs,
    stats: mergeValueStats(a.stats, b.stats, exact),
  };
}

function exactCounts(state: { hashes: string; counts: string }): Map<number, number> {
  const hashes = base64ToFloat64(state.hashes);
  const counts = base64ToUint32(state.counts);
  const map = new Map<number, number>();
  hashes.forEach((h, i) => map.set(h, counts[i]!));
  return map;
}

function exactState(counts: Map<number, number>): ColumnState['distinct'] {
  return {
    mode: 'exact',
    hashes: float64ToBase64(Float64Array.from(counts.keys())),
    counts: uint32ToBase64(Uint32Array.from(counts.values())),
    size: counts.size,
  };
}

/** Rebuilds register updates from 52-bit keys: the high 32 bits are the first hash, the rest the top of the second. */
function hllOf(keys: Iterable<number>): HyperLogLog {
  const hll = new HyperLogLog();
  for (const key of keys) hll.add(Math.floor(key / 0x100000) >>> 0, ((key % 0x100000) << 12) >>> 0);
  return hll;
}

/** The placeholder for a top value whose text neither part kept (it was in neither part's top). */
export const UNKNOWN_DISPLAY = '(value not kept by the part profiles)';

/**
 * Top values of the union. With exact counts of the union (both parts exact and the union within
 * budget) every count is exact, and a value frequent only in the union still gets its place.
 */
function mergeTop(a: TopState, b: TopState, counts: Map<number, number> | null): TopState {
  const display = new Map<number, string>();
  for (const [hash, , text] of [...a.entries, ...b.entries]) if (!display.has(hash)) display.set(hash, text);
  if (counts !== null) {
    const best = [...counts].sort((x, y) => y[1] - x[1]).slice(0, TOP_CANDIDATES);
    return { entries: best.map(([hash, count]) => [hash, count, display.get(hash) ?? UNKNOWN_DISPLAY]), error: 0 };
  }
  const summed = new Map<number, number>();
  for (const [hash, count] of [...a.entries, ...b.entries]) summed.set(hash, (summed.get(hash) ?? 0) + count);
  // A value missing from one part's list may have had up to that part's smallest kept count there.
  const floor = (t: TopState): number => (t.entries.length < TOP_CANDIDATES ? 0 : Math.min(...t.entries.map((e) => e[1])));
  const sorted = [...summed].sort((x, y) => y[1] - x[1]).slice(0, TOP_CANDIDATES);
  return {
    entries: sorted.map(([hash, count]) => [hash, count, display.get(hash) ?? UNKNOWN_DISPLAY]),
    error: a.error + b.error + floor(a) + floor(b),
  };
}

function masked(state: ColumnState, type: SemanticType): [TopState, string[]] {
  return [
    { ...state.top, entries: state.top.entries.map(([hash, count, text]) => [hash, count, maskValue(text, type)]) },
    state.examples.map((text) => maskValue(text, type)),
  ];
}

function mergeIssues(a: readonly ReadIssue[], b: readonly ReadIssue[]): ReadIssue[] {
  const byCode = new Map<string, ReadIssue>();
  for (const issue of [...a, ...b]) {
    const seen = byCode.get(issue.code);
    byCode.set(issue.code, seen === undefined ? { ...issue, lines: [...issue.lines] } : { ...seen, count: seen.count + issue.count, lines: [...seen.lines, ...issue.lines].slice(0, Math.max(20, seen.lines.length)) });
  }
  return [...byCode.values()];
}
