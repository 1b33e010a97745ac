import type { CountryCode } from 'libphonenumber-js';
import { DETECTORS } from '../identity/detectors';
import { checkIdentityValue } from '../identity/check';
import { analyseShape, createShape, type ValueShape } from '../identity/shape';
import { IDENTITY_TYPES, type SemanticType, type ValueType } from '../model/kinds';
import { DATE_OUT } from './dates';
import { classifyValue, NUMBER_OUT } from './infer-type';
import { patternOf } from './pattern';
import { hashKey } from './hash';
import { HeavyHitters } from './sketches/heavy-hitters';
import { KllSketch, type KllState } from './sketches/kll';
import { addMoment, createMoments, mergeMoments, type Moments } from './sketches/moments';

/** Distinct patterns counted exactly before the pattern summary turns approximate. */
export const PATTERN_BUDGET = 1000;
/** libphonenumber checks per column (tens of microseconds each) before they are sampled, 1 in PHONE_SAMPLE_EVERY. */
export const PHONE_CHECK_BUDGET = 5_000;
export const PHONE_SAMPLE_EVERY = 16;

type MinMax = [number, number] | null;

/** Pattern hashes are uniform 32-bit numbers already: their own key in the pattern summary. */
const patternKey = (hash: number): number => hash;

export interface IdentityCounts {
  valid: number;
  normalisable: number;
  details: Record<string, number>;
  sampled: boolean;
}

/** Plain-JSON form of ValueStats (inside a column's `sketch`). */
export interface ValueStatsState {
  typeCounts: Partial<Record<ValueType, number>>;
  numberFormats: { thousandsComma: number; thousandsDot: number; decimalComma: number; excelScientific: number; trailingDotZero: number; leadingZeros: number };
  epochSeconds: number;
  epochMillis: number;
  moments: Moments | null;
  numericExact: [number, number][] | null;
  numericKll: KllState | null;
  lengths: { n: number; sum: number; min: number; max: number };
  patterns: { entries: [string, number][]; error: number; exact: boolean };
  dates: {
    formats: Record<string, number>;
    slash: Record<string, [number, number, number]>;
    plain: MinMax;
    dayFirst: MinMax;
    monthFirst: MinMax;
    invalid: number;
  };
  semantic: Partial<Record<SemanticType, number>>;
  /** semantic counts are scaled up from a systematic sample */
  semanticSampled: boolean;
  identity: Partial<Record<SemanticType, IdentityCounts>>;
}

const IDENTITY_SET: ReadonlySet<SemanticType> = new Set(IDENTITY_TYPES);
const EPOCH_S_MIN = 946_684_800; // 2000-01-01
const EPOCH_S_MAX = 4_102_444_800; // 2100-01-01

/**
 * Statistics computed from each distinct value (weighted by how often it occurs while the
 * column is exact, one by one after). Everything here is additive, so two parts merge exactly.
 */
export class ValueStats {
  readonly typeCounts = new Map<ValueType, number>();
  readonly numberFormats = { thousandsComma: 0, thousandsDot: 0, decimalComma: 0, excelScientific: 0, trailingDotZero: 0, leadingZeros: 0 };
  epochSeconds = 0;
  epochMillis = 0;
  moments = createMoments();
  /** exact numeric values with counts while the column is exact; KLL once it is not */
  numericExact: Map<number, number> | null = new Map();
  numericKll: KllSketch | null = null;
  readonly lengths = { n: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: 0 };
  /** pattern counts by pattern hash, and each pattern's text, written once per new pattern */
  patterns: Map<number, number> | null = new Map();
  readonly patternNames = new Map<number, string>();
  patternHitters: HeavyHitters<number> | null = null;
  readonly dateFormats = new Map<string, number>();
  readonly slash = new Map<number, [number, number, number]>();
  plain: MinMax = null;
  dayFirst: MinMax = null;
  monthFirst: MinMax = null;
  invalidDates = 0;
  readonly semantic = new Map<SemanticType, number>();
  readonly identity = new Map<SemanticType, IdentityCounts>();
  /** semantic matches were counted on a sample (past the distinct budget) */
  semanticSampled = false;
  private phoneChecks = 0;
  private readonly shape = createShape();

  /**
   * @param identityChecks whether to check identity values (valid, normalisable); off where only
   *   the column's types matter (profileFirstRows), since a phone check costs tens of microseconds
   */
  constructor(
    private readonly region: CountryCode,
    private readonly identityChecks = true,
  ) {}

  /** Switches numeric quantiles to the KLL sketch (the column left exact mode). */
  goApproximate(): void {
    if (this.numericExact === null) return;
    const kll = new KllSketch();
    for (const [value, count] of this.numericExact) for (let i = 0; i < count; i++) kll.add(value);
    this.numericKll = kll;
    this.numericExact = null;
  }

  /**
   * Analyses one value: `raw` as found, `trimmed` without surrounding white space, seen `weight`
   * times. Semantic detection and identity checks count with `checkWeight` (0 skips them: past
   * the distinct budget the column runs them on a systematic sample and scales it up).
   * Returns the value's shape (valid until the next call), whose hashes the caller may use.
   */
  analyse(raw: string, trimmed: string, weight: number, checkWeight = weight): ValueShape {
    const shape = analyseShape(trimmed, this.shape);
    const lengths = this.lengths;
    lengths.n += weight;
    lengths.sum += raw.length * weight;
    if (raw.length < lengths.min) lengths.min = raw.length;
    if (raw.length > lengths.max) lengths.max = raw.length;
    // Once patterns are too many to count exactly, a sample is enough for the summary.
    if (this.patterns !== null) this.addPattern(shape.patternHash, trimmed, weight);
    else if (checkWeight > 0) this.addPattern(shape.patternHash, trimmed, checkWeight);

    const type = classifyValue(trimmed, shape);
    this.typeCounts.set(type, (this.typeCounts.get(type) ?? 0) + weight);
    if (type === 'integer' || type === 'decimal') this.addNumber(type, weight);
    else if (type === 'date' || type === 'datetime') this.addDate(weight);
    else if (DATE_OUT.invalid) this.invalidDates += weight;
    if (type === 'code' && NUMBER_OUT.leadingZero) this.numberFormats.leadingZeros += weight;

    if (checkWeight === 0) return shape;
    for (const detector of DETECTORS) {
      if (!detector.match(trimmed, shape)) continue;
      this.semantic.set(detector.type, (this.semantic.get(detector.type) ?? 0) + checkWeight);
      if (this.identityChecks && IDENTITY_SET.has(detector.type)) this.checkIdentity(detector.type, raw, checkWeight, checkWeight !== weight);
    }
    if (checkWeight !== weight) this.semanticSampled = true;
    return shape;
  }

  private addPattern(hash: number, value: string, weight: number): void {
    if (!this.patternNames.has(hash)) this.patternNames.set(hash, patternOf(value));
    if (this.patterns !== null) {
      this.patterns.set(hash, (this.patterns.get(hash) ?? 0) + weight);
      if (this.patterns.size <= PATTERN_BUDGET) return;
      this.patternHitters = new HeavyHitters<number>(PATTERN_BUDGET / 4, patternKey);
      for (const [p, c] of this.patterns) this.patternHitters.add(p, c);
      this.patterns = null;
      return;
    }
    this.patternHitters!.add(hash, weight);
    // Names of patterns the summary dropped are dropped too, so memory stays bounded.
    if (this.patternNames.size > 4 * PATTERN_BUDGET) {
      for (const h of this.patternNames.keys()) if (this.patternHitters!.count(h) === 0) this.patternNames.delete(h);
    }
  }

  private patternEntries(counts: Iterable<[number, number]>): [string, number][] {
    return [...counts].map(([hash, count]) => [this.patternNames.get(hash) ?? '?', count]);
  }

  private addNumber(type: 'integer' | 'decimal', weight: number): void {
    // `-0.00` is zero: adding 0 turns -0 into 0, so min and max do not depend on the order seen.
    const x = NUMBER_OUT.value + 0;
    addMoment(this.moments, x, weight);
    if (this.numericExact !== null) this.numericExact.set(x, (this.numericExact.get(x) ?? 0) + weight);
    else for (let i = 0; i < weight; i++) this.numericKll!.add(x);
    const f = this.numberFormats;
    if (NUMBER_OUT.format === 1) f.thousandsComma += weight;
    else if (NUMBER_OUT.format === 2) f.thousandsDot += weight;
    else if (NUMBER_OUT.format === 3) f.decimalComma += weight;
    if (NUMBER_OUT.excelScientific) f.excelScientific += weight;
    if (NUMBER_OUT.trailingDotZero) f.trailingDotZero += weight;
    if (type === 'integer' && NUMBER_OUT.format === 0) {
      if (x >= EPOCH_S_MIN && x < EPOCH_S_MAX) this.epochSeconds += weight;
      else if (x >= EPOCH_S_MIN * 1000 && x < EPOCH_S_MAX * 1000) this.epochMillis += weight;
    }
  }

  private addDate(weight: number): void {
    if (DATE_OUT.slashCode < 0) {
      this.dateFormats.set(DATE_OUT.format, (this.dateFormats.get(DATE_OUT.format) ?? 0) + weight);
      this.plain = widen(this.plain, DATE_OUT.ts);
      return;
    }
    let counts = this.slash.get(DATE_OUT.slashCode);
    if (counts === undefined) this.slash.set(DATE_OUT.slashCode, (counts = [0, 0, 0]));
    counts[DATE_OUT.slashOrder - 1]! += weight;
    if (DATE_OUT.slashOrder === 3) {
      this.dayFirst = widen(this.dayFirst, DATE_OUT.tsDayFirst);
      this.monthFirst = widen(this.monthFirst, DATE_OUT.tsMonthFirst);
    } else {
      this.plain = widen(this.plain, DATE_OUT.ts);
    }
  }

  private checkIdentity(kind: SemanticType, raw: string, weight: number, sampled: boolean): void {
    let counts = this.identity.get(kind);
    if (counts === undefined) this.identity.set(kind, (counts = { valid: 0, normalisable: 0, details: {}, sampled: false }));
    if (sampled) counts.sampled = true;
    let w = weight;
    if (kind === 'phone') {
      // libphonenumber costs microseconds a value: past the budget, check a systematic sample.
      this.phoneChecks++;
      if (this.phoneChecks > PHONE_CHECK_BUDGET) {
        if (this.phoneChecks % PHONE_SAMPLE_EVERY !== 0) return;
        w = weight * PHONE_SAMPLE_EVERY;
        counts.sampled = true;
      }
    }
    const check = checkIdentityValue(kind, raw, { region: this.region });
    if (check.valid) counts.valid += w;
    if (check.normalisable) counts.normalisable += w;
    for (const detail of check.details) counts.details[detail] = (counts.details[detail] ?? 0) + w;
  }

  toState(): ValueStatsState {
    const m = this.moments;
    return {
      typeCounts: Object.fromEntries(this.typeCounts),
      numberFormats: { ...this.numberFormats },
      epochSeconds: this.epochSeconds,
      epochMillis: this.epochMillis,
      moments: m.n > 0 ? { ...m } : null,
      numericExact: this.numericExact === null ? null : [...this.numericExact].sort((a, b) => a[0] - b[0]),
      numericKll: this.numericKll?.toState() ?? null,
      lengths: { ...this.lengths, min: this.lengths.n > 0 ? this.lengths.min : 0 },
      patterns:
        this.patterns !== null
          ? { entries: this.patternEntries(this.patterns), error: 0, exact: true }
          : { entries: this.patternEntries(this.patternHitters!.entries()), error: this.patternHitters!.error, exact: false },
      dates: {
        formats: Object.fromEntries(this.dateFormats),
        slash: Object.fromEntries([...this.slash].map(([code, counts]) => [String(code), [...counts] as [number, number, number]])),
        plain: this.plain,
        dayFirst: this.dayFirst,
        monthFirst: this.monthFirst,
        invalid: this.invalidDates,
      },
      semantic: Object.fromEntries(this.semantic),
      semanticSampled: this.semanticSampled,
      identity: Object.fromEntries([...this.identity].map(([k, v]) => [k, { ...v, details: { ...v.details } }])),
    };
  }
}

function widen(range: MinMax, ts: number): MinMax {
  if (range === null) return [ts, ts];
  if (ts < range[0]) range[0] = ts;
  if (ts > range[1]) range[1] = ts;
  return range;
}

function widenRange(a: MinMax, b: MinMax): MinMax {
  if (a === null) return b === null ? null : [b[0], b[1]];
  if (b === null) return [a[0], a[1]];
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function addRecords<TKey extends string>(a: Partial<Record<TKey, number>>, b: Partial<Record<TKey, number>>): Partial<Record<TKey, number>> {
  const out: Partial<Record<TKey, number>> = { ...a };
  for (const key of Object.keys(b) as TKey[]) out[key] = (out[key] ?? 0) + (b[key] ?? 0);
  return out;
}

/** Merges two states of the same column from two parts of a dataset. */
export function mergeValueStats(a: ValueStatsState, b: ValueStatsState, exact: boolean): ValueStatsState {
  const moments = a.moments === null ? b.moments : b.moments === null ? a.moments : mergeMoments(a.moments, b.moments);
  let numericExact: [number, number][] | null = null;
  let numericKll: KllState | null = null;
  if (exact && a.numericExact !== null && b.numericExact !== null) {
    const values = new Map<number, number>(a.numericExact);
    for (const [v, c] of b.numericExact) values.set(v, (values.get(v) ?? 0) + c);
    numericExact = [...values].sort((x, y) => x[0] - y[0]);
  } else {
    const kll = new KllSketch();
    for (const part of [a, b]) {
      if (part.numericKll !== null) kll.merge(KllSketch.fromState(part.numericKll));
      else for (const [v, c] of part.numericExact ?? []) for (let i = 0; i < c; i++) kll.add(v);
    }
    numericKll = kll.toState();
  }
  const slash: Record<string, [number, number, number]> = {};
  for (const part of [a.dates.slash, b.dates.slash]) {
    for (const [code, counts] of Object.entries(part)) {
      const into = (slash[code] ??= [0, 0, 0]);
      counts.forEach((c, i) => (into[i] = into[i]! + c));
    }
  }
  const identity: Partial<Record<SemanticType, IdentityCounts>> = {};
  for (const part of [a.identity, b.identity]) {
    for (const [kind, counts] of Object.entries(part) as [SemanticType, IdentityCounts][]) {
      const into = (identity[kind] ??= { valid: 0, normalisable: 0, details: {}, sampled: false });
      into.valid += counts.valid;
      into.normalisable += counts.normalisable;
      into.details = addRecords(into.details, counts.details) as Record<string, number>;
      into.sampled ||= counts.sampled;
    }
  }
  return {
    typeCounts: addRecords(a.typeCounts, b.typeCounts),
    numberFormats: addRecords(a.numberFormats, b.numberFormats) as ValueStatsState['numberFormats'],
    epochSeconds: a.epochSeconds + b.epochSeconds,
    epochMillis: a.epochMillis + b.epochMillis,
    moments,
    numericExact,
    numericKll,
    lengths: {
      n: a.lengths.n + b.lengths.n,
      sum: a.lengths.sum + b.lengths.sum,
      min: a.lengths.n === 0 ? b.lengths.min : b.lengths.n === 0 ? a.lengths.min : Math.min(a.lengths.min, b.lengths.min),
      max: Math.max(a.lengths.max, b.lengths.max),
    },
    patterns: mergePatterns(a.patterns, b.patterns),
    dates: {
      formats: addRecords(a.dates.formats, b.dates.formats) as Record<string, number>,
      slash,
      plain: widenRange(a.dates.plain, b.dates.plain),
      dayFirst: widenRange(a.dates.dayFirst, b.dates.dayFirst),
      monthFirst: widenRange(a.dates.monthFirst, b.dates.monthFirst),
      invalid: a.dates.invalid + b.dates.invalid,
    },
    semantic: addRecords(a.semantic, b.semantic),
    semanticSampled: a.semanticSampled || b.semanticSampled,
    identity,
  };
}

function mergePatterns(a: ValueStatsState['patterns'], b: ValueStatsState['patterns']): ValueStatsState['patterns'] {
  const counts = new Map<string, number>(a.entries);
  for (const [p, c] of b.entries) counts.set(p, (counts.get(p) ?? 0) + c);
  if (a.exact && b.exact && counts.size <= PATTERN_BUDGET) return { entries: [...counts], error: 0, exact: true };
  const hitters = new HeavyHitters<string>(PATTERN_BUDGET / 4, hashKey);
  for (const [p, c] of counts) hitters.add(p, c);
  hitters.reduce();
  return { entries: hitters.entries(), error: hitters.error + a.error + b.error, exact: false };
}
