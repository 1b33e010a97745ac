import type { CountryCode } from 'libphonenumber-js';
import { maskValue } from '../identity/mask';
import type { Cell, Scalar, SemanticType } from '../model';
import { personalTypeOf } from './mask-policy';
import { hashKey, hashString, keyOfHashes, lastHash2 } from './hash';
import { isNullToken, isTrimmable } from './null-like';
import { HeavyHitters } from './sketches/heavy-hitters';
import { HyperLogLog, type HllState } from './sketches/hll';
import { float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { withRoom } from './sketches/room';
import { ValueStats, type ValueStatsState } from './value-stats';

/** Top values kept with their display text in the state, so merged profiles can name them. */
export const TOP_CANDIDATES = 100;
/** Counters of the heavy-hitters summary once a column is past its distinct budget. */
export const HEAVY_HITTER_CAPACITY = 256;
export const EXAMPLE_COUNT = 5;
/**
 * Past the distinct budget, semantic detection, identity checks and the heavy-hitters summary see
 * one value in this many, weighted by it: together they cost several times more than the rest of
 * the analysis, and their results are estimates there anyway. Types, nulls, lengths, patterns,
 * dates, numbers and distinct counting still see every value.
 */
export const SAMPLE_EVERY = 16;

export interface TopState {
  /** [52-bit value hash, count, display text (masked when masking is on)] */
  entries: [number, number, string][];
  /** counts may be low by at most this much (0 while exact) */
  error: number;
}

/** Mergeable state of one column; the profile's `columns[i].sketch`. */
export interface ColumnState {
  v: 1;
  name: string;
  index: number;
  presentRows: number;
  nullRows: number;
  jsonNull: number;
  empty: number;
  whitespace: number;
  tokens: Record<string, number>;
  valueCount: number;
  multiRows: number;
  maxItems: number;
  distinct: { mode: 'exact'; hashes: string; counts: string; size: number } | { mode: 'hll'; hll: HllState };
  top: TopState;
  examples: string[];
  /** 52-bit hashes of the examples' raw values, so merged examples are distinct like the whole's */
  exampleHashes: number[];
  /** the personal-data type display values were masked as, or null when shown as found */
  maskedAs: SemanticType | null;
  stats: ValueStatsState;
}

export interface ColumnProfilerOptions {
  distinctBudget: number;
  region: CountryCode;
  /** mask personal data in the display values kept in the state (top values, examples) */
  mask: boolean;
  /** check identity values (see ValueStats); default true */
  identityChecks?: boolean;
}

/**
 * Streaming profiler of one column. While the column has at most `distinctBudget` distinct
 * values it only counts them (a Map), and analyses each distinct value once, weighted by its
 * count, when the state is written: categorical columns cost one map update per value. Past the
 * budget it analyses every value as it comes and counts distinct values with HyperLogLog and top
 * values with a heavy-hitters summary.
 */
export class ColumnProfiler {
  presentRows = 0;
  nullRows = 0;
  jsonNull = 0;
  empty = 0;
  whitespace = 0;
  readonly tokens = new Map<string, number>();
  valueCount = 0;
  multiRows = 0;
  maxItems = 0;
  /**
   * While exact: each distinct value's slot in `slotCounts`. A value seen again then costs one map
   * lookup (a count kept in the map costs a lookup and an update: 8% of a CSV pass).
   */
  private slots: Map<string, number> | null = new Map();
  private slotCounts: Uint32Array = new Uint32Array(16);
  private hll: HyperLogLog | null = null;
  private hitters: HeavyHitters<string> | null = null;
  private examples: string[] = [];
  private approximateValues = 0;
  readonly stats: ValueStats;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly options: ColumnProfilerOptions,
  ) {
    this.stats = new ValueStats(options.region, options.identityChecks);
  }

  observe(cell: Cell): void {
    if (cell === undefined) return;
    this.presentRows++;
    if (cell === null) {
      this.jsonNull++;
      this.nullRows++;
      return;
    }
    if (typeof cell === 'string') {
      if (!this.observeString(cell)) this.nullRows++;
      return;
    }
    if (typeof cell === 'number' || typeof cell === 'boolean') {
      this.observeString(String(cell));
      return;
    }
    this.observeArray(cell);
  }

  private observeArray(items: readonly Scalar[]): void {
    this.multiRows++;
    if (items.length > this.maxItems) this.maxItems = items.length;
    let usable = 0;
    for (const item of items) {
      if (item === null) continue;
      if (this.observeString(typeof item === 'string' ? item : String(item))) usable++;
    }
    if (usable === 0) this.nullRows++;
  }

  /** Counts one value; false when it is null-like. */
  private observeString(raw: string): boolean {
    const n = raw.length;
    if (n === 0) {
      this.empty++;
      return false;
    }
    let trimmed = raw;
    if (isTrimmable(raw.charCodeAt(0)) || isTrimmable(raw.charCodeAt(n - 1))) {
      trimmed = raw.trim();
      if (trimmed.length === 0) {
        this.whitespace++;
        return false;
      }
    }
    if (trimmed.length <= 9 && isNullToken(trimmed)) {
      this.tokens.set(trimmed, (this.tokens.get(trimmed) ?? 0) + 1);
      return false;
    }
    this.valueCount++;
    const slots = this.slots;
    if (slots !== null) {
      const slot = slots.get(raw);
      if (slot !== undefined) {
        this.slotCounts[slot]! += 1;
        return true;
      }
      const size = slots.size;
      if (size === this.slotCounts.length) this.slotCounts = withRoom(this.slotCounts, size + 1);
      slots.set(raw, size);
      this.slotCounts[size] = 1;
      if (size + 1 > this.options.distinctBudget) this.leaveExactMode();
      return true;
    }
    const sampled = ++this.approximateValues % SAMPLE_EVERY === 0;
    const shape = this.stats.analyse(raw, trimmed, 1, sampled ? SAMPLE_EVERY : 0);
    // The shape hashed the trimmed value; a padded value is hashed again as found.
    let hash1 = shape.hash1;
    let hash2 = shape.hash2;
    if (trimmed !== raw) {
      hash1 = hashString(raw);
      hash2 = lastHash2();
    }
    this.hll!.add(hash1, hash2);
    if (sampled) this.hitters!.add(raw, SAMPLE_EVERY, keyOfHashes(hash1, hash2));
    return true;
  }

  /** Past the budget: analyse what was counted so far, then switch to sketches. */
  private leaveExactMode(): void {
    // The column's semantic and identity counts become estimates now, so the values counted so
    // far are checked on the same 1-in-SAMPLE_EVERY sample as those still to come.
    this.analyseExact(true);
    this.stats.goApproximate();
    const hll = (this.hll = new HyperLogLog());
    const hitters = (this.hitters = new HeavyHitters<string>(HEAVY_HITTER_CAPACITY, hashKey));
    this.forEachExact((value, count) => {
      const hash1 = hashString(value);
      const hash2 = lastHash2();
      hll.add(hash1, hash2);
      hitters.add(value, count, keyOfHashes(hash1, hash2));
    });
    this.slots = null;
    this.slotCounts = new Uint32Array(0);
  }

  /** Calls `visit` with each exact distinct value and its count, in first-seen order (none past the budget). */
  private forEachExact(visit: (value: string, count: number) => void): void {
    const counts = this.slotCounts;
    for (const [value, slot] of this.slots ?? []) visit(value, counts[slot]!);
  }

  private analyseExact(sampled = false): void {
    let i = 0;
    this.forEachExact((value, count) => {
      if (this.examples.length < EXAMPLE_COUNT) this.examples.push(value);
      const checkWeight = !sampled ? count : i++ % SAMPLE_EVERY === 0 ? count * SAMPLE_EVERY : 0;
      this.stats.analyse(value, value.trim(), count, checkWeight);
    });
  }

  /** The exact distinct values with their counts, or null past the distinct budget. */
  exactValues(): ReadonlyMap<string, number> | null {
    if (this.slots === null) return null;
    const values = new Map<string, number>();
    this.forEachExact((value, count) => values.set(value, count));
    return values;
  }

  /** Writes the mergeable state. Call once, after the last value. */
  toState(): ColumnState {
    const exact = this.slots !== null;
    if (exact) this.analyseExact();
    const stats = this.stats.toState();
    const maskedAs = this.options.mask ? personalTypeOf(stats, this.valueCount, this.name) : null;
    const display = (value: string): string => (maskedAs === null ? value : maskValue(value, maskedAs));
    let distinct: ColumnState['distinct'];
    let top: TopState;
    if (exact) {
      const entries: [string, number][] = [];
      this.forEachExact((value, count) => entries.push([value, count]));
      const hashes = new Float64Array(entries.length);
      const counts = new Uint32Array(entries.length);
      entries.forEach(([value, count], i) => {
        hashes[i] = hashKey(value);
        counts[i] = count;
      });
      distinct = { mode: 'exact', hashes: float64ToBase64(hashes), counts: uint32ToBase64(counts), size: entries.length };
      const best = entries.sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
      top = { entries: best.map(([value, count]) => [hashKey(value), count, display(value)]), error: 0 };
    } else {
      distinct = { mode: 'hll', hll: this.hll!.toState() };
      top = {
        entries: this.hitters!.top(TOP_CANDIDATES).map(([value, count]) => [hashKey(value), count, display(value)]),
        error: this.hitters!.error,
      };
    }
    return {
      v: 1,
      name: this.name,
      index: this.index,
      presentRows: this.presentRows,
      nullRows: this.nullRows,
      jsonNull: this.jsonNull,
      empty: this.empty,
      whitespace: this.whitespace,
      tokens: Object.fromEntries(this.tokens),
      valueCount: this.valueCount,
      multiRows: this.multiRows,
      maxItems: this.maxItems,
      distinct,
      top,
      examples: this.examples.map(display),
      exampleHashes: this.examples.map(hashKey),
      maskedAs,
      stats,
    };
  }
}
