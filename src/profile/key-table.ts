import { applyRecipe, canonicalKey, recipeIsIdentity, recipesFor, type HashRecipe } from '../identity/key-canon';
import type { KeyKind } from '../identity/key-kind';
import { junkReason } from '../identity/junk';
import { maskValue } from '../identity/mask';
import { hashKey } from './hash';
import { base64ToFloat64, base64ToUint32, float64ToBase64, uint32ToBase64 } from './sketches/base64';
import { HashIndex } from './sketches/hash-index';

/** Distinct keys a column keeps exactly before it keeps a coordinated sample of them. */
export const DEFAULT_KEY_BUDGET = 100_000;
/** Repeated keys (seen at least LABEL_MIN_COUNT times) keep a display label, up to this many per column. */
export const LABEL_CAP = 256;
export const LABEL_MIN_COUNT = 2;
/** Junk keys kept with their counts, per column. */
export const JUNK_CAP = 100;
/** Raw values whose canonical key is remembered, so repeated values are normalised once. */
const MEMO_CAP = 50_000;
/**
 * Cheap kinds stop remembering when fewer than this share of lookups hit, checked every
 * MEMO_WINDOW values: a column of mostly distinct ids pays the memo's upkeep for nothing.
 * Emails (six recipe digests) and phones (libphonenumber-js) always remember.
 */
const MEMO_MIN_HIT_RATE = 0.3;
const MEMO_WINDOW = 8192;
/** Hashes are 52-bit integers, uniform on [0, 2^52). */
export const HASH_SPACE = 2 ** 52;

/** The largest hash kept at a sampling level: level L keeps hashes below 2^(52-L), a 2^-L share. */
export function levelLimit(level: number): number {
  return HASH_SPACE / 2 ** level;
}

/**
 * Drops the entries a sampling level no longer keeps, raising the level while more than `budget`
 * remain; returns the level. The one sampling step of key tables and link tables, streaming or merged.
 */
export function sampleToBudget<K, V>(entries: Map<K, V>, level: number, budget: number, kept: (key: K, value: V, limit: number) => boolean): number {
  const drop = (): void => {
    const limit = levelLimit(level);
    for (const [key, value] of entries) if (!kept(key, value, limit)) entries.delete(key);
  };
  if (level > 0) drop();
  while (entries.size > budget) {
    level++;
    drop();
  }
  return level;
}

const keptEntry = (hash: number, entry: Entry, limit: number): boolean => minHash(hash, entry.variants) < limit;

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

interface Entry {
  count: number;
  variants: number[] | null;
}

interface Memo {
  hash: number;
  /** entry to count into; null for junk or not kept */
  junk: JunkKey | null;
  variants: number[] | null;
  keep: boolean;
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
  // entries in first-seen order: hash, count and `width` recipe hashes each, found through `index`
  private readonly index = new HashIndex();
  private hashes: number[] = [];
  private counts: number[] = [];
  private variants: number[] = [];
  private readonly width: number;
  private readonly memo = new Map<string, Memo | null>();
  private readonly recipes: readonly HashRecipe[];
  /** per recipe, the earlier recipe hashing the same text when provider rules change nothing, or -1 */
  private readonly twins: readonly number[];
  private readonly junk = new Map<number, JunkKey>();
  private readonly labels = new Map<number, string>();
  private level = 0;
  private limit = HASH_SPACE;
  keyedValues = 0;
  unkeyedValues = 0;
  private memoOn = true;
  private memoLookups = 0;
  private memoHits = 0;

  constructor(private readonly options: KeyTableOptions) {
    this.recipes = recipesFor(options.kind);
    this.width = this.recipes.length;
    this.twins = this.recipes.map((r, i) => (r.providerRules ? this.recipes.findIndex((t, j) => j < i && !t.providerRules && t.algorithm === r.algorithm) : -1));
  }

  get kind(): KeyKind {
    return this.options.kind;
  }

  /**
   * Counts one raw value `weight` times. Empty and blank values are nulls (the profile counts
   * them): they give no key and are not counted here.
   * @returns the key's hash (junk included), or NaN when the value gives no key
   */
  add(raw: string, weight = 1): number {
    if (raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim().length === 0)) return Number.NaN;
    let memo = this.memoOn ? this.memo.get(raw) : undefined;
    if (memo === undefined) {
      memo = this.keyOf(raw);
      if (this.memoOn) this.remember(raw, memo);
    } else this.memoHits++;
    if (memo === null) {
      this.unkeyedValues += weight;
      return Number.NaN;
    }
    this.keyedValues += weight;
    if (memo.junk !== null) {
      memo.junk.count += weight;
      return memo.hash;
    }
    if (!memo.keep || !this.passes(memo)) return memo.hash;
    const entry = this.index.get(memo.hash);
    if (entry < 0) {
      this.index.add(memo.hash, this.hashes.length);
      this.hashes.push(memo.hash);
      this.counts.push(weight);
      if (memo.variants !== null) for (const v of memo.variants) this.variants.push(v);
      if (this.hashes.length > this.options.budget) this.raiseLevel();
    } else {
      const count = (this.counts[entry] = this.counts[entry]! + weight);
      if (count >= LABEL_MIN_COUNT && count - weight < LABEL_MIN_COUNT && this.labels.size < LABEL_CAP) {
        this.labels.set(memo.hash, this.label(raw));
      }
    }
    return memo.hash;
  }

  private remember(raw: string, memo: Memo | null): void {
    if (this.memo.size >= MEMO_CAP) this.memo.clear();
    this.memo.set(raw, memo);
    if (++this.memoLookups < MEMO_WINDOW) return;
    const kind = this.options.kind;
    if (kind !== 'email' && kind !== 'phone' && this.memoHits < MEMO_MIN_HIT_RATE * (this.memoLookups + this.memoHits)) {
      this.memoOn = false;
      this.memo.clear();
    }
    this.memoLookups = 0;
    this.memoHits = 0;
  }

  private keyOf(raw: string): Memo | null {
    const canonical = canonicalKey(this.options.kind, raw, this.options.region);
    if (canonical === null) return null;
    const hash = hashKey(canonical);
    const reason = junkReason(this.options.kind, canonical);
    if (reason !== null) {
      let junk = this.junk.get(hash);
      if (junk === undefined) {
        junk = { hash, count: 0, reason, label: this.label(raw) };
        if (this.junk.size < JUNK_CAP) this.junk.set(hash, junk);
      }
      return { hash, junk, variants: null, keep: false };
    }
    const variants = this.recipes.length === 0 ? null : this.variantsOf(canonical);
    return { hash, junk: null, variants, keep: true };
  }

  private variantsOf(canonical: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.recipes.length; i++) {
      const recipe = this.recipes[i]!;
      // Provider rules that change nothing hash what the plain recipe with the same algorithm hashed.
      const twin = this.twins[i]!;
      out.push(twin >= 0 && recipeIsIdentity(recipe, canonical) ? out[twin]! : hashKey(applyRecipe(recipe, canonical)));
    }
    return out;
  }

  private passes(memo: Memo): boolean {
    if (this.level === 0) return true;
    return minHash(memo.hash, memo.variants) < this.limit;
  }

  /** Raises the level until the kept entries fit the budget, then compacts them (order kept). */
  private raiseLevel(): void {
    const { hashes, counts, variants, width } = this;
    const n = hashes.length;
    const minOf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let min = hashes[i]!;
      for (let r = 0; r < width; r++) min = Math.min(min, variants[i * width + r]!);
      minOf[i] = min;
    }
    let kept = n;
    while (kept > this.options.budget) {
      this.level++;
      const limit = levelLimit(this.level);
      kept = 0;
      for (let i = 0; i < n; i++) if (minOf[i]! < limit) kept++;
    }
    this.limit = levelLimit(this.level);
    const nextHashes: number[] = [];
    const nextCounts: number[] = [];
    const nextVariants: number[] = [];
    this.index.clear();
    for (let i = 0; i < n; i++) {
      if (minOf[i]! >= this.limit) continue;
      this.index.add(hashes[i]!, nextHashes.length);
      nextHashes.push(hashes[i]!);
      nextCounts.push(counts[i]!);
      for (let r = 0; r < width; r++) nextVariants.push(variants[i * width + r]!);
    }
    this.hashes = nextHashes;
    this.counts = nextCounts;
    this.variants = nextVariants;
    for (const hash of this.labels.keys()) if (this.index.get(hash) < 0) this.labels.delete(hash);
  }

  private label(raw: string): string {
    const kind = this.options.kind;
    const personal = kind === 'email' || kind === 'phone' || kind === 'handle';
    return this.options.mask && personal ? maskValue(raw, kind) : raw.trim();
  }

  toState(): KeyTableState {
    return {
      v: 1,
      column: this.options.column,
      kind: this.options.kind,
      recipes: this.recipes.map((r) => r.name),
      level: this.level,
      budget: this.options.budget,
      hashes: float64ToBase64(Float64Array.from(this.hashes)),
      counts: uint32ToBase64(Uint32Array.from(this.counts)),
      variants: float64ToBase64(Float64Array.from(this.variants)),
      keyedValues: this.keyedValues,
      unkeyedValues: this.unkeyedValues,
      junk: [...this.junk.values()].filter((j) => j.count > 0),
      labels: [...this.labels],
    };
  }
}

function encodeEntries(entries: ReadonlyMap<number, Entry>, width: number): Pick<KeyTableState, 'hashes' | 'counts' | 'variants'> {
  const n = entries.size;
  const hashes = new Float64Array(n);
  const counts = new Uint32Array(n);
  const variants = new Float64Array(n * width);
  let i = 0;
  for (const [hash, entry] of entries) {
    hashes[i] = hash;
    counts[i] = entry.count;
    for (let r = 0; r < width; r++) variants[i * width + r] = entry.variants![r]!;
    i++;
  }
  return { hashes: float64ToBase64(hashes), counts: uint32ToBase64(counts), variants: float64ToBase64(variants) };
}

function minHash(hash: number, variants: readonly number[] | null): number {
  let min = hash;
  if (variants !== null) for (const v of variants) if (v < min) min = v;
  return min;
}

/** A decoded key table: parallel arrays. */
export interface KeyTableData {
  state: KeyTableState;
  hashes: Float64Array;
  counts: Uint32Array;
  variants: Float64Array;
}

export function decodeKeyTable(state: KeyTableState): KeyTableData {
  return { state, hashes: base64ToFloat64(state.hashes), counts: base64ToUint32(state.counts), variants: base64ToFloat64(state.variants) };
}

/**
 * Merges the key tables of one column from two parts of a dataset: union of keys with summed
 * counts, at the higher of the two levels, raised again while over budget.
 */
export function mergeKeyTables(a: KeyTableState, b: KeyTableState): KeyTableState {
  if (a.kind !== b.kind || a.recipes.join() !== b.recipes.join()) return a.keyedValues >= b.keyedValues ? a : b;
  const width = a.recipes.length;
  const budget = Math.max(a.budget, b.budget);
  const entries = new Map<number, Entry>();
  for (const data of [decodeKeyTable(a), decodeKeyTable(b)]) {
    for (let i = 0; i < data.hashes.length; i++) {
      const hash = data.hashes[i]!;
      const entry = entries.get(hash);
      if (entry !== undefined) entry.count += data.counts[i]!;
      else entries.set(hash, { count: data.counts[i]!, variants: width === 0 ? null : Array.from(data.variants.subarray(i * width, (i + 1) * width)) });
    }
  }
  const level = sampleToBudget(entries, Math.max(a.level, b.level), budget, keptEntry);
  const junk = new Map<number, JunkKey>();
  for (const j of [...a.junk, ...b.junk]) {
    const seen = junk.get(j.hash);
    junk.set(j.hash, seen === undefined ? { ...j } : { ...seen, count: seen.count + j.count });
  }
  const labels = new Map<number, string>([...a.labels, ...b.labels]);
  for (const hash of labels.keys()) if (!entries.has(hash)) labels.delete(hash);
  return {
    ...a,
    level,
    budget,
    ...encodeEntries(entries, width),
    keyedValues: a.keyedValues + b.keyedValues,
    unkeyedValues: a.unkeyedValues + b.unkeyedValues,
    junk: [...junk.values()].slice(0, JUNK_CAP),
    labels: [...labels].slice(0, LABEL_CAP),
  };
}
