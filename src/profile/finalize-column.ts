// the function's own module: the package index loads all of date-fns (about 16 MB resident)
import { differenceInDays } from 'date-fns/differenceInDays';
import { decideSemanticType } from '../identity/decide';
import type { ColumnProfile, HashAlgorithm, InferredType } from '../model';
import { IDENTITY_TYPES, VALUE_TYPES, type SemanticType, type ValueType } from '../model/kinds';
import type { ColumnState } from './column';
import { slashFormatName } from './dates';
import { KLL_RANK_ERROR, KllSketch } from './sketches/kll';
import { stddevOf } from './sketches/moments';
import { HLL_RELATIVE_ERROR, HyperLogLog } from './sketches/hll';
import type { ValueStatsState } from './value-stats';

/** A type must hold this share of non-null values to be the column's type. */
export const DOMINANT_SHARE = 0.95;
export const TOP_VALUES = 10;
export const TOP_PATTERNS = 5;

export interface FinalizeContext {
  rowCount: number;
  region: string;
  profiledAt: Date;
}

const IDENTITY_SET: ReadonlySet<SemanticType> = new Set(IDENTITY_TYPES);
/** Semantic types whose digits are codes, never quantities: no numeric statistics. */
const CODE_TYPES: ReadonlySet<SemanticType> = new Set(['phone', 'postal_code', 'ga_client_id', 'hashed', 'uuid']);
const TIME_NAME = /time|date|_at$|_ts$|^ts$|epoch|created|updated|seen/i;
/** camelCase `createdAt`, `lastSeenAt` (case-sensitive so that `format` does not match) */
const CAMEL_AT = /[a-z]At$/;

/** Turns a column's mergeable state into its reported profile (pure). */
export function finalizeColumn(state: ColumnState, context: FinalizeContext): ColumnProfile {
  const { stats, valueCount } = state;
  const rowCount = context.rowCount;
  const missing = Math.max(0, rowCount - state.presentRows);
  const nullCount = missing + state.nullRows;
  const distinctExact = state.distinct.mode === 'exact';
  const distinctCount =
    state.distinct.mode === 'exact'
      ? state.distinct.size
      : Math.min(valueCount, HyperLogLog.fromState(state.distinct.hll).estimate());

  // Sampled counts are scaled up, so they can pass the true total by a little: cap them.
  const matches = Object.fromEntries(Object.entries(stats.semantic).map(([t, c]) => [t, Math.min(c, valueCount)]));
  const semantic = decideSemanticType({ columnName: state.name, nonNullCount: valueCount, distinctCount, matches });
  const typeMix = (Object.entries(stats.typeCounts) as [ValueType, number][])
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, c]) => ({ type, share: c / Math.max(1, valueCount) }));
  const inferredType = inferColumnType(state, semantic.type);
  const numeric = inferredType === 'integer' || inferredType === 'decimal' || inferredType === 'epoch' ? numericStats(stats) : null;
  const epochUnit = inferredType === 'epoch' ? (stats.epochMillis > stats.epochSeconds ? 'ms' : 's') : null;
  const dates = dateStats(stats, inferredType, epochUnit, context);
  const identityCounts = semantic.type !== null && IDENTITY_SET.has(semantic.type) ? stats.identity[semantic.type] : undefined;
  const identity =
    semantic.type !== null && IDENTITY_SET.has(semantic.type)
      ? {
          kind: semantic.type,
          checked: valueCount,
          valid: Math.min(valueCount, identityCounts?.valid ?? 0),
          invalid: Math.max(0, valueCount - (identityCounts?.valid ?? 0)),
          normalisable: Math.min(valueCount, identityCounts?.normalisable ?? 0),
          details: identityCounts?.details ?? {},
          exact: !(identityCounts?.sampled ?? false),
        }
      : null;
  const topValues = [...state.top.entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_VALUES)
    .map(([, count, value]) => ({ value, count, share: count / Math.max(1, valueCount) }));
  const patterns = [...stats.patterns.entries]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_PATTERNS)
    .map(([pattern, count]) => ({ pattern, count, share: count / Math.max(1, stats.lengths.n) }));
  const profile: ColumnProfile = {
    name: state.name,
    index: state.index,
    inferredType,
    typeCounts: Object.fromEntries(VALUE_TYPES.map((t) => [t, stats.typeCounts[t] ?? 0])) as Record<ValueType, number>,
    typeMix,
    nullCount,
    nulls: { missing, jsonNull: state.jsonNull, empty: state.empty, whitespace: state.whitespace, tokens: state.tokens },
    valueCount,
    distinctCount,
    distinctExact,
    distinctError: distinctExact ? 0 : HLL_RELATIVE_ERROR,
    uniqueness: valueCount === 0 ? 0 : Math.min(1, distinctCount / valueCount),
    completeness: rowCount === 0 ? 0 : (rowCount - nullCount) / rowCount,
    topValues,
    topValuesExact: distinctExact,
    topValuesError: distinctExact ? 0 : Math.round(state.top.error),
    masked: state.maskedAs !== null,
    examples: state.examples,
    lengths: stats.lengths.n === 0 ? null : { min: stats.lengths.min, mean: stats.lengths.sum / stats.lengths.n, max: stats.lengths.max },
    patterns,
    patternsExact: stats.patterns.exact,
    numeric,
    numberFormats: stats.numberFormats,
    dateFormats: dates?.formats ?? [],
    dateAmbiguous: dates?.ambiguous ?? false,
    dates,
    epochUnit,
    semanticType: semantic.type,
    semanticConfidence: semantic.confidence,
    semanticShare: semantic.share,
    semanticExact: !stats.semanticSampled,
    semanticCandidates: semantic.candidates,
    hashAlgorithm: semantic.type === 'hashed' ? hashAlgorithmOf(identityCounts?.details) : null,
    identity,
    multiValued: state.multiRows > 0 ? { rows: state.multiRows, maxItems: state.maxItems } : null,
    flags: [],
    sketch: state,
  };
  profile.flags = columnFlags(profile, stats);
  return profile;
}

function inferColumnType(state: ColumnState, semanticType: SemanticType | null): InferredType {
  const counts = state.stats.typeCounts;
  const total = state.valueCount;
  if (total === 0) return 'empty';
  const count = (t: ValueType): number => counts[t] ?? 0;
  const dominant = (n: number): boolean => n >= DOMINANT_SHARE * total;
  let type: InferredType = 'mixed';
  if (count('code') > 0 && dominant(count('code') + count('integer'))) type = 'identifier';
  else if (dominant(count('integer'))) type = isEpoch(state) ? 'epoch' : 'integer';
  else if (dominant(count('integer') + count('decimal'))) type = 'decimal';
  else if (dominant(count('date'))) type = 'date';
  else if (dominant(count('date') + count('datetime'))) type = 'datetime';
  else if (dominant(count('boolean'))) type = 'boolean';
  else if (dominant(count('string'))) type = 'string';
  // Phone numbers, postcodes and the like are written with digits but are not quantities.
  if (semanticType !== null && CODE_TYPES.has(semanticType) && (type === 'integer' || type === 'decimal' || type === 'mixed')) {
    return 'identifier';
  }
  // Ids that Excel turned into `12345.0` or `1.23457E+11` are still ids.
  const f = state.stats.numberFormats;
  if (type === 'decimal' && semanticType === 'identifier' && (f.excelScientific > 0 || f.trailingDotZero === count('decimal'))) {
    return 'identifier';
  }
  return type;
}

/** Integers that all fall in 2000..2100 as epoch seconds (named like a time) or milliseconds. */
function isEpoch(state: ColumnState): boolean {
  const integers = state.stats.typeCounts.integer ?? 0;
  if (state.stats.epochMillis === integers) return true;
  return state.stats.epochSeconds === integers && (TIME_NAME.test(state.name) || CAMEL_AT.test(state.name));
}

function numericStats(stats: ValueStatsState): ColumnProfile['numeric'] {
  const m = stats.moments;
  if (m === null || m.n === 0) return null;
  const exact = stats.numericExact !== null;
  const quantile = exact ? exactQuantile(stats.numericExact!, m.n) : kllQuantile(stats);
  return {
    count: m.n,
    min: m.min,
    max: m.max,
    mean: m.mean,
    stddev: stddevOf(m),
    quantiles: { p1: quantile(0.01), p25: quantile(0.25), p50: quantile(0.5), p75: quantile(0.75), p99: quantile(0.99) },
    quantilesExact: exact,
    quantileRankError: exact ? 0 : KLL_RANK_ERROR,
  };
}

/** Nearest-rank quantile: the smallest value with at least q * n values at or below it. */
function exactQuantile(sorted: [number, number][], n: number): (q: number) => number {
  return (q) => {
    const target = Math.max(1, Math.ceil(q * n));
    let cumulative = 0;
    for (const [value, count] of sorted) {
      cumulative += count;
      if (cumulative >= target) return value;
    }
    return sorted.at(-1)?.[0] ?? Number.NaN;
  };
}

function kllQuantile(stats: ValueStatsState): (q: number) => number {
  const sketch = KllSketch.fromState(stats.numericKll!);
  return (q) => sketch.quantile(q);
}

function dateStats(
  stats: ValueStatsState,
  inferredType: InferredType,
  epochUnit: 's' | 'ms' | null,
  context: FinalizeContext,
): ColumnProfile['dates'] {
  const d = stats.dates;
  const profiledAt = context.profiledAt;
  if (inferredType === 'epoch' && stats.moments !== null) {
    const scale = epochUnit === 'ms' ? 1 : 1000;
    const count = epochUnit === 'ms' ? stats.epochMillis : stats.epochSeconds;
    return withRange(
      { formats: [{ format: epochUnit === 'ms' ? 'epoch-ms' : 'epoch-s', count }], order: null, ambiguous: false, dayFirstEvidence: 0, monthFirstEvidence: 0, invalidCount: 0 },
      [stats.moments.min * scale, stats.moments.max * scale],
      profiledAt,
    );
  }
  const slashEntries = Object.entries(d.slash);
  const formatsTotal = Object.values(d.formats).reduce((s, c) => s + c, 0);
  const slashTotal = slashEntries.reduce((s, [, c]) => s + c[0] + c[1] + c[2], 0);
  if (formatsTotal + slashTotal === 0) return null;
  const dayFirstEvidence = slashEntries.reduce((s, [, c]) => s + c[0], 0);
  const monthFirstEvidence = slashEntries.reduce((s, [, c]) => s + c[1], 0);
  const ambiguousValues = slashEntries.reduce((s, [, c]) => s + c[2], 0);
  let order: 'day-first' | 'month-first' | null = null;
  if (dayFirstEvidence > monthFirstEvidence) order = 'day-first';
  else if (monthFirstEvidence > dayFirstEvidence) order = 'month-first';
  const ambiguous = slashTotal > 0 && order === null;
  // Undecidable columns are read in the region's usual order, and flagged.
  const readAs = order ?? (context.region === 'US' ? 'month-first' : 'day-first');
  const formats = new Map<string, number>(Object.entries(d.formats));
  for (const [code, [dayOnly, monthOnly, both]] of slashEntries) {
    const add = (name: string, n: number): void => {
      if (n > 0) formats.set(name, (formats.get(name) ?? 0) + n);
    };
    if (order === null && both > 0) add(`${slashFormatName(+code, 'day-first')} | ${slashFormatName(+code, 'month-first')}`, both);
    else add(slashFormatName(+code, readAs), both);
    add(slashFormatName(+code, 'day-first'), dayOnly);
    add(slashFormatName(+code, 'month-first'), monthOnly);
  }
  const range = mergeRange(d.plain, ambiguousValues > 0 ? (readAs === 'day-first' ? d.dayFirst : d.monthFirst) : null);
  return withRange(
    {
      formats: [...formats].sort((a, b) => b[1] - a[1]).map(([format, count]) => ({ format, count })),
      order: slashTotal > 0 ? order : null,
      ambiguous,
      dayFirstEvidence,
      monthFirstEvidence,
      invalidCount: d.invalid,
    },
    range,
    profiledAt,
  );
}

type DateStatsWithoutRange = Omit<NonNullable<ColumnProfile['dates']>, 'min' | 'max' | 'newestAgeDays'>;

function withRange(base: DateStatsWithoutRange, range: [number, number] | null, profiledAt: Date): NonNullable<ColumnProfile['dates']> {
  if (range === null) return { ...base, min: null, max: null, newestAgeDays: null };
  return {
    ...base,
    min: new Date(range[0]).toISOString(),
    max: new Date(range[1]).toISOString(),
    newestAgeDays: differenceInDays(profiledAt, new Date(range[1])),
  };
}

function mergeRange(a: [number, number] | null, b: [number, number] | null): [number, number] | null {
  if (a === null) return b;
  if (b === null) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function hashAlgorithmOf(details: Record<string, number> | undefined): HashAlgorithm | null {
  if (details === undefined) return null;
  const algorithms: HashAlgorithm[] = ['sha256', 'sha1', 'md5'];
  let best: HashAlgorithm | null = null;
  for (const a of algorithms) if ((details[a] ?? 0) > (best === null ? 0 : (details[best] ?? 0))) best = a;
  return best;
}

function columnFlags(profile: ColumnProfile, stats: ValueStatsState): string[] {
  const flags: string[] = [];
  const f = stats.numberFormats;
  const decimals = stats.typeCounts.decimal ?? 0;
  const identityLike = profile.semanticType !== null && IDENTITY_SET.has(profile.semanticType);
  if (f.excelScientific > 0 || (f.trailingDotZero > 0 && (identityLike || f.trailingDotZero === decimals))) flags.push('excel_mangled');
  if (f.leadingZeros > 0) flags.push('leading_zeros');
  if ((stats.typeCounts.code ?? 0) > f.leadingZeros) flags.push('long_numeric_codes');
  if (profile.inferredType === 'mixed') flags.push('mixed_types');
  if (f.thousandsComma + f.thousandsDot > 0) flags.push('thousands_separators');
  if (f.decimalComma > 0) flags.push('decimal_comma');
  if (profile.dates !== null) {
    if (profile.dates.ambiguous) flags.push('date_ambiguous');
    if (profile.dates.dayFirstEvidence > 0 && profile.dates.monthFirstEvidence > 0) flags.push('date_order_mixed');
    if (profile.dates.formats.length > 1) flags.push('date_formats_mixed');
    if (profile.dates.invalidCount > 0) flags.push('date_invalid');
  }
  if (Object.keys(profile.nulls.tokens).length > 0) flags.push('null_tokens');
  if (profile.multiValued !== null) flags.push('multi_valued');
  if (profile.valueCount > 0 && profile.distinctCount === 1) flags.push('constant');
  if (profile.valueCount > 1 && profile.distinctExact && profile.distinctCount === profile.valueCount) flags.push('unique');
  if (profile.completeness < 0.5) flags.push('mostly_null');
  if (profile.identity !== null && profile.identity.normalisable > 0) flags.push('needs_normalisation');
  return flags;
}
