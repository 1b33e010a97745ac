import type { KeyKind } from '../identity/key-kind';
import { maskValue } from '../identity/mask';
import { base64ToFloat64, base64ToUint32, float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { HashIndex } from './sketches/hash-index';
import { withRoom } from './sketches/room';
import { isNullLike } from './null-like';
import { JUNK_KEY, KeyHasher, minHash, NO_KEY, RECORD_HASH, RECORD_MIN, RECORD_SAMPLING, RECORD_VARIANTS } from './key-hasher';

/** Distinct keys a column keeps exactly before it keeps a coordinated sample of them. */
export const DEFAULT_KEY_BUDGET = 100_000;
/** Repeated keys (seen at least LABEL_MIN_COUNT times) keep a display label, up to this many per column. */
const LABEL_CAP = 256;
const LABEL_MIN_COUNT = 2;
/** Junk keys kept with their counts, per column. */
export const JUNK_CAP = 100;
/** Raw values whose canonical key is remembered, so repeated values are normalised once. */
const MEMO_CAP = 50_000;
/**
 * A column stops remembering when fewer than this share of lookups hit, checked every
 * MEMO_WINDOW misses: a column of mostly distinct values pays the memo's upkeep (a map entry and
 * an object per value, then garbage collection) for nothing. A hit saves little on cheap kinds;
 * on emails and phones (recipe digests, libphonenumber-js) it saves many times the upkeep.
 */
const MEMO_MIN_HIT_RATE = 0.3;
const MEMO_MIN_HIT_RATE_COSTLY = 0.05;
const MEMO_WINDOW = 8192;
/** Hashes are 52-bit integers, uniform on [0, 2^52). */
export const HASH_SPACE = 2 ** 52;

/** The largest hash kept at a sampling level: level L keeps hashes below 2^(52-L), a 2^-L share. */
export function levelLimit(level: number): number {
  return HASH_SPACE / 2 ** level;
}

/**
 * The sampling step of key tables and link tables, streaming or merged: the lowest level from
 * `level` up at which at most `budget` entries are kept, an entry being kept while its smallest
 * hash (`minOf`) is below the level's limit.
 */
export function levelForBudget(minOf: ArrayLike<number>, level: number, budget: number): number {
  const keptAt = (lvl: number): number => {
    const limit = levelLimit(lvl);
    let kept = 0;
    for (let i = 0; i < minOf.length; i++) if (minOf[i]! < limit) kept++;
    return kept;
  };
  while (keptAt(level) > budget) level++;
  return level;
}

export interface JunkKey {
  hash: number;
  count: number;
  reason: string;
  /** the value as found, masked when masking is on */
  label: string;
}

/**
 * Mergeable state of one column's join keys: 52-bit hashes of canonical values with their
 * counts, and for plain emails and phones the hashes of each hash recipe's digest (so a column of
 * SHA-256 digests elsewhere can be matched). Exact while the column has at most `budget` distinct
 * keys; beyond that a coordinated sample: the keys whose hash (or any recipe hash) is below
 * `levelLimit(level)`. Every dataset uses the same hash, so two samples compared at the same
 * level hold the same keys: joins survive sampling.
 */
export interface KeyTableState {
  v: 1;
  column: string;
  kind: KeyKind;
  /** recipe names, in the order of each entry's `variants` */
  recipes: string[];
  level: number;
  budget: number;
  /** Float64Array of key hashes, base64 */
  hashes: string;
  /** Uint32Array of values per key, base64 */
  counts: string;
  /** Float64Array, `recipes.length` hashes per key, base64 */
  variants: string;
  /** values that gave a key (all of them, sampled or not; junk included) */
  keyedValues: number;
  /** values that gave no key (a phone number that cannot be read) */
  unkeyedValues: number;
  junk: JunkKey[];
  /** display labels of frequent keys: [hash, label] */
  labels: [number, string][];
}

/** A key table's arrays, decoded. */
export interface KeyTableArrays {
  hashes: Float64Array;
  counts: Uint32Array;
  variants: Float64Array;
}

/**
 * A key table's state with its arrays as typed arrays rather than base64: a worker transfers
 * them without copying, and the main thread encodes them. Structured-cloning the encoded state
 * instead held it three times over at once (the worker's strings, the message, the main thread's
 * strings): about 60 MB at the end of a 1M-row pass.
 */
export type RawKeyTableState = Omit<KeyTableState, keyof KeyTableArrays> & KeyTableArrays;

/** Encodes the arrays of a raw key table state. */
export function encodeKeyTable(raw: RawKeyTableState): KeyTableState {
  const { hashes, counts, variants, ...rest } = raw;
  return { ...rest, hashes: float64ToBase64(hashes), counts: uint32ToBase64(counts), variants: float64ToBase64(variants) };
}

/** A remembered key of one raw value (see KeyTable.add). */
interface Memo {
  /** the value's key record (see KeyHasher; only its hash is written for junk) */
  record: Float64Array;
  /** the junk key to count into (null when the value is no junk); junk is never an entry */
  junk: JunkKey | null;
}

/**
 * A column's keys in first-seen order, in flat typed arrays (hash, count, `width` recipe hashes
 * and the smallest of them each) found through a HashIndex. Shared by the streaming table and the
 * merge.
 */
class KeyEntries {
  private readonly index = new HashIndex();
  size = 0;
  private hashes: Float64Array = new Float64Array(0);
  private counts: Uint32Array = new Uint32Array(0);
  private variants: Float64Array = new Float64Array(0);
  private mins: Float64Array = new Float64Array(0);

  constructor(private readonly width: number) {}

  has(hash: number): boolean {
    return this.index.get(hash) >= 0;
  }

  /**
   * Adds `count` to the key's entry, creating it with its recipe hashes (`width` of them from
   * `variants[from]`); returns the key's count now.
   */
  add(hash: number, count: number, variants: ArrayLike<number> | null, min: number, from = 0): number {
    const entry = this.index.get(hash);
    if (entry >= 0) return (this.counts[entry] = this.counts[entry]! + count);
    const i = this.size++;
    if (i === this.hashes.length) this.makeRoom();
    this.index.add(hash, i);
    this.hashes[i] = hash;
    this.counts[i] = count;
    this.mins[i] = min;
    const width = this.width;
    for (let r = 0; r < width; r++) this.variants[i * width + r] = variants![from + r]!;
    return count;
  }

  private makeRoom(): void {
    this.hashes = withRoom(this.hashes, this.size);
    this.counts = withRoom(this.counts, this.size);
    this.mins = withRoom(this.mins, this.size);
    this.variants = withRoom(this.variants, this.hashes.length * this.width);
  }

  /** Keeps the entries sampled at `level` or higher, within `budget`; returns the level. */
  sample(level: number, budget: number): number {
    const { hashes, counts, variants, mins, width, size } = this;
    const next = levelForBudget(mins.subarray(0, size), level, budget);
    if (next === 0) return 0; // level 0 keeps every entry
    const limit = levelLimit(next);
    this.index.clear();
    // entries are distinct already: move the kept ones forward, in order, no lookups
    let kept = 0;
    for (let i = 0; i < size; i++) {
      if (mins[i]! >= limit) continue;
      if (kept !== i) {
        hashes[kept] = hashes[i]!;
        counts[kept] = counts[i]!;
        mins[kept] = mins[i]!;
        variants.copyWithin(kept * width, i * width, (i + 1) * width);
      }
      this.index.add(hashes[kept]!, kept);
      kept++;
    }
    this.size = kept;
    return next;
  }

  /** The entries' arrays, sized to fit: views of the entries' own storage. */
  arrays(): KeyTableArrays {
    const n = this.size;
    return { hashes: this.hashes.subarray(0, n), counts: this.counts.subarray(0, n), variants: this.variants.subarray(0, n * this.width) };
  }
}

export interface KeyTableOptions {
  column: string;
  kind: KeyKind;
  region: string;
  budget: number;
  /** mask the labels of personal values */
  mask: boolean;
}

/** Collects one column's join keys (see KeyTableState). */
export class KeyTable {
  private readonly entries: KeyEntries;
  private readonly memo = new Map<string, Memo | null>();
  private readonly hasher: KeyHasher;
  /** the record of the value being added: written in place, so most values allocate nothing */
  private readonly record: Float64Array;
  private readonly junk = new Map<number, JunkKey>();
  /** where junk past JUNK_CAP is counted: not reported, so it is given to no link */
  private readonly unreportedJunk: JunkKey = { hash: Number.NaN, count: 0, reason: '', label: '' };
  private readonly labels = new Map<number, string>();
  private level = 0;
  private limit = HASH_SPACE;
  keyedValues = 0;
  unkeyedValues = 0;
  /**
   * The last key's sampling hash, what link tables and the stitch sample rows on: the key's own
   * hash, or for plain emails and phones the hash of their SHA-256 digest (SAMPLING_RECIPE), which
   * is what a hashed column holding that digest is sampled on.
   */
  lastSampling = Number.NaN;
  private memoOn = true;
  private memoMisses = 0;
  private memoHits = 0;

  constructor(private readonly options: KeyTableOptions) {
    this.hasher = new KeyHasher(options.kind, options.region);
    this.entries = new KeyEntries(this.hasher.recipes.length);
    this.record = new Float64Array(this.hasher.stride);
  }

  /** Numbers in one value's key record (see KeyHasher). */
  get stride(): number {
    return this.hasher.stride;
  }

  /**
   * Counts one raw value `weight` times. Empty and blank values are nulls (the profile counts
   * them): they give no key and are not counted here.
   * @returns the key's hash (junk included), or NaN when the value gives no key
   */
  add(raw: string, weight = 1): number {
    if (isNullLike(raw)) return Number.NaN;
    const memo = this.memoOn ? this.memo.get(raw) : undefined;
    if (memo === undefined) {
      const record = this.record;
      const outcome = this.hasher.key(raw, record, 0);
      const junk = outcome === JUNK_KEY ? this.junkKey(record[RECORD_HASH]!, this.hasher.lastJunkReason, raw) : null;
      if (this.memoOn) this.remember(raw, outcome === NO_KEY ? null : { record: record.slice(), junk });
      return outcome === NO_KEY ? this.noKey(weight) : this.count(raw, record, 0, junk, weight);
    }
    this.memoHits++;
    return memo === null ? this.noKey(weight) : this.count(raw, memo.record, 0, memo.junk, weight);
  }

  /**
   * `add` for a value whose key another thread computed: its record (see KeyHasher) at
   * `record[at]`, a negative hash when the value gave no key. Junk and null values are not
   * given here: their key needs this table's junk list, so they go through `add`.
   */
  addKnown(raw: string, record: Float64Array, at: number, weight = 1): number {
    return record[at + RECORD_HASH]! < 0 ? this.noKey(weight) : this.count(raw, record, at, null, weight);
  }

  private noKey(weight: number): number {
    this.unkeyedValues += weight;
    return Number.NaN;
  }

  /** Counts the key whose record is at `record[at]` (of junk, only its hash is read). */
  private count(raw: string, record: Float64Array, at: number, junk: JunkKey | null, weight: number): number {
    const hash = record[at + RECORD_HASH]!;
    this.keyedValues += weight;
    if (junk !== null) {
      this.lastSampling = hash;
      junk.count += weight;
      return junk === this.unreportedJunk ? Number.NaN : hash;
    }
    this.lastSampling = record[at + RECORD_SAMPLING]!;
    const min = record[at + RECORD_MIN]!;
    if (min >= this.limit) return hash;
    const count = this.entries.add(hash, weight, record, min, at + RECORD_VARIANTS);
    if (count >= LABEL_MIN_COUNT && count - weight < LABEL_MIN_COUNT && this.labels.size < LABEL_CAP) this.labels.set(hash, this.label(raw));
    if (this.entries.size > this.options.budget) this.raiseLevel();
    return hash;
  }

  private remember(raw: string, memo: Memo | null): void {
    if (this.memo.size >= MEMO_CAP) this.memo.clear();
    this.memo.set(raw, memo);
    if (++this.memoMisses < MEMO_WINDOW) return;
    const kind = this.options.kind;
    const minRate = kind === 'email' || kind === 'phone' ? MEMO_MIN_HIT_RATE_COSTLY : MEMO_MIN_HIT_RATE;
    if (this.memoHits < minRate * (this.memoMisses + this.memoHits)) {
      this.memoOn = false;
      this.memo.clear();
    }
    this.memoMisses = 0;
    this.memoHits = 0;
  }

  /** The junk key to count `hash` into; junk past the cap is not reported, so the stitch cannot leave it out: it links nothing. */
  private junkKey(hash: number, reason: string, raw: string): JunkKey {
    let junk = this.junk.get(hash);
    if (junk !== undefined) return junk;
    if (this.junk.size >= JUNK_CAP) return this.unreportedJunk;
    junk = { hash, count: 0, reason, label: this.label(raw) };
    this.junk.set(hash, junk);
    return junk;
  }

  /** Raises the level until the kept entries fit the budget. */
  private raiseLevel(): void {
    this.level = this.entries.sample(this.level + 1, this.options.budget);
    this.limit = levelLimit(this.level);
    for (const hash of this.labels.keys()) if (!this.entries.has(hash)) this.labels.delete(hash);
  }

  private label(raw: string): string {
    const kind = this.options.kind;
    const personal = kind === 'email' || kind === 'phone' || kind === 'handle';
    return this.options.mask && personal ? maskValue(raw, kind) : raw.trim();
  }

  toState(): KeyTableState {
    return encodeKeyTable(this.toRawState());
  }

  /** The state with its arrays not yet encoded: what a worker transfers (see RawKeyTableState). */
  toRawState(): RawKeyTableState {
    return {
      v: 1,
      column: this.options.column,
      kind: this.options.kind,
      recipes: this.hasher.recipes.map((r) => r.name),
      level: this.level,
      budget: this.options.budget,
      ...this.entries.arrays(),
      keyedValues: this.keyedValues,
      unkeyedValues: this.unkeyedValues,
      junk: [...this.junk.values()].filter((j) => j.count > 0),
      labels: [...this.labels],
    };
  }
}

/** A decoded key table: parallel arrays. */
export interface KeyTableData extends KeyTableArrays {
  state: KeyTableState;
}

const decoded = new WeakMap<KeyTableState, KeyTableData>();

/** The table's arrays, decoded once per state object (junk, joins, stitch and score all read them). */
export function decodeKeyTable(state: KeyTableState): KeyTableData {
  let data = decoded.get(state);
  if (data === undefined) decoded.set(state, (data = { state, hashes: base64ToFloat64(state.hashes), counts: base64ToUint32(state.counts), variants: base64ToFloat64(state.variants) }));
  return data;
}

/**
 * Merges the key tables of one column from two parts of a dataset: union of keys with summed
 * counts, at the higher of the two levels, raised again while over budget.
 */
export function mergeKeyTables(a: KeyTableState, b: KeyTableState): KeyTableState {
  if (a.kind !== b.kind || a.recipes.join() !== b.recipes.join()) return a.keyedValues >= b.keyedValues ? a : b;
  const width = a.recipes.length;
  const budget = Math.max(a.budget, b.budget);
  const entries = new KeyEntries(width);
  for (const data of [decodeKeyTable(a), decodeKeyTable(b)]) {
    for (let i = 0; i < data.hashes.length; i++) {
      const hash = data.hashes[i]!;
      entries.add(hash, data.counts[i]!, data.variants, minHash(hash, data.variants, i * width, width), i * width);
    }
  }
  const level = entries.sample(Math.max(a.level, b.level), budget);
  const junk = new Map<number, JunkKey>();
  for (const j of [...a.junk, ...b.junk]) {
    const seen = junk.get(j.hash);
    junk.set(j.hash, seen === undefined ? { ...j } : { ...seen, count: seen.count + j.count });
  }
  const labels = new Map<number, string>([...a.labels, ...b.labels]);
  for (const hash of labels.keys()) if (!entries.has(hash)) labels.delete(hash);
  return encodeKeyTable({
    ...a,
    level,
    budget,
    ...entries.arrays(),
    keyedValues: a.keyedValues + b.keyedValues,
    unkeyedValues: a.unkeyedValues + b.unkeyedValues,
    junk: [...junk.values()].slice(0, JUNK_CAP),
    labels: [...labels].slice(0, LABEL_CAP),
  });
}
