import { canonicalKey, recipeKey, recipesFor, SAMPLING_RECIPE, type HashRecipe } from '../identity/key-canon';
import type { KeyKind } from '../identity/key-kind';
import { junkReason } from '../identity/junk';
import { digestKey, hashKey } from './hash';

/**
 * Where a key record's numbers sit: the key's hash, the smallest of it and its recipe hashes (what
 * coordinated sampling compares), the sampling hash of links, then one hash per recipe.
 */
export const RECORD_HASH = 0;
export const RECORD_MIN = 1;
export const RECORD_SAMPLING = 2;
export const RECORD_VARIANTS = 3;

/** What a value gives (KeyHasher.key): no key (a phone number libphonenumber-js cannot read)... */
export const NO_KEY = 0;
/** ...a key, its record written... */
export const KEY = 1;
/** ...or a junk key (a placeholder, repeated digits): only its hash written, its reason in `lastJunkReason`. */
export const JUNK_KEY = 2;
export type KeyOutcome = typeof NO_KEY | typeof KEY | typeof JUNK_KEY;

/**
 * Computes the join key of one raw value of a key kind: its canonical form's hash and, for plain
 * emails and phones, the hash of each recipe's digest (see KeyTableState). A pure function of the
 * value, so any thread computes the same record: the key table calls it, and the threaded pass
 * calls it on the main thread for batches the worker is behind on (see computeKnownKeys).
 */
export class KeyHasher {
  readonly recipes: readonly HashRecipe[];
  /** numbers in one value's record */
  readonly stride: number;
  /** per recipe, the earlier recipe hashing the same text when provider rules change nothing, or -1 */
  private readonly twins: readonly number[];
  /** the reason of the last Junk outcome */
  lastJunkReason = '';

  constructor(
    readonly kind: KeyKind,
    private readonly region: string,
  ) {
    this.recipes = recipesFor(kind);
    this.stride = RECORD_VARIANTS + this.recipes.length;
    this.twins = this.recipes.map((r, i) => (r.providerRules ? this.recipes.findIndex((t, j) => j < i && !t.providerRules && t.algorithm === r.algorithm) : -1));
  }

  /** Writes the record of `raw` at `out[at]` (only the hash for junk); says what the value gave. */
  key(raw: string, out: Float64Array, at: number): KeyOutcome {
    const canonical = canonicalKey(this.kind, raw, this.region);
    if (canonical === null) return NO_KEY;
    // a digest's key is its first bits, as its plain value's recipe digests are keyed (see digestKey)
    const hash = this.kind === 'hashed' ? digestKey(canonical) : hashKey(canonical);
    out[at + RECORD_HASH] = hash;
    const reason = junkReason(this.kind, canonical);
    if (reason !== null) {
      this.lastJunkReason = reason;
      return JUNK_KEY;
    }
    const from = at + RECORD_VARIANTS;
    this.variantsOf(canonical, out, from);
    out[at + RECORD_MIN] = minHash(hash, out, from, this.recipes.length);
    out[at + RECORD_SAMPLING] = this.recipes.length > 0 ? out[from + SAMPLING_RECIPE]! : hash;
    return KEY;
  }

  private variantsOf(canonical: string, out: Float64Array, from: number): void {
    // Recipes sharing a `prepare` (the three provider-rule email recipes) prepare the value once.
    let prepare: HashRecipe['prepare'] = null;
    let prepared = canonical;
    for (let i = 0; i < this.recipes.length; i++) {
      const recipe = this.recipes[i]!;
      if (recipe.prepare !== prepare) {
        prepare = recipe.prepare;
        prepared = prepare === null ? canonical : prepare(canonical);
      }
      // Provider rules that change nothing hash what the plain recipe with the same algorithm hashed.
      const twin = this.twins[i]!;
      out[from + i] = twin >= 0 && prepared === canonical ? out[from + twin]! : recipeKey(recipe, prepared);
    }
  }
}

/** The smallest of `hash` and its `width` recipe hashes at `variants[from]`. */
export function minHash(hash: number, variants: ArrayLike<number>, from: number, width: number): number {
  let min = hash;
  for (let r = 0; r < width; r++) min = Math.min(min, variants[from + r]!);
  return min;
}
