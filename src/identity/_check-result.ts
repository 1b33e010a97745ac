/**
 * Shared, frozen check results. Each kind names its detail keys once; a result is looked up by
 * (valid, normalisable, detail bit set), so a checker allocates no result object after warm-up.
 * Internal: `IdentityCheck` is re-exported by check.ts.
 */

/** Outcome of checking one identity value; see `checkIdentityValue`. Results are frozen and shared. */
export interface IdentityCheck {
  /** usable as a key after normalisation */
  readonly valid: boolean;
  /** valid, but the raw text differs from its normalised form */
  readonly normalisable: boolean;
  /** camelCase keys of what was found (`mixedCase`, `padded`, `e164`...), counted by the profiler */
  readonly details: readonly string[];
}

export type CheckResultFactory = (valid: boolean, normalisable: boolean, flags: number) => IdentityCheck;

/**
 * Returns a factory of shared results for a kind whose detail keys are `names`, where bit `i` of
 * `flags` stands for `names[i]`.
 */
export function createCheckResults(names: readonly string[]): CheckResultFactory {
  const cache = new Map<number, IdentityCheck>();
  return (valid, normalisable, flags) => {
    const key = flags * 4 + (valid ? 2 : 0) + (normalisable ? 1 : 0);
    let result = cache.get(key);
    if (result === undefined) {
      const details: string[] = [];
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if ((flags & (1 << i)) !== 0 && name !== undefined) details.push(name);
      }
      result = Object.freeze({ valid, normalisable, details: Object.freeze(details) });
      cache.set(key, result);
    }
    return result;
  };
}
