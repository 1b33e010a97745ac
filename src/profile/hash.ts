/**
 * Two independent 32-bit hashes of a string in one pass (FNV-1a style mixing with different
 * primes, each finished with MurmurHash3's fmix32 so that every input bit reaches every output
 * bit). `hashString` returns the first and leaves the second in `lastHash2`, so the hot loop
 * allocates nothing. Together they give a 52-bit key (`hashKey`), which makes collisions among
 * a profile's exact budget of distinct values (tens of thousands) vanishingly unlikely (about 3e-7 at 50,000 values).
 */
import { fmix32 } from '../identity/shape';

let h2Out = 0;

export function hashString(value: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h2 = fmix32(h2 ^ n);
  h2Out = h2;
  return fmix32(h1 ^ n);
}

/** The second hash of the last `hashString` call. */
export function lastHash2(): number {
  return h2Out;
}

/** A 52-bit key from the two hashes of `value`, exact as a JavaScript number. */
export function hashKey(value: string): number {
  return keyOfHashes(hashString(value), h2Out);
}

/** hashKey from the two hashes of a value (hashString and lastHash2), when the caller has them. */
export function keyOfHashes(hash1: number, hash2: number): number {
  return hash1 * 0x100000 + (hash2 >>> 12);
}

/**
 * The 52-bit key of a hex digest: its first 13 hex digits as a number. A digest is uniform
 * already, so hashing its text again (as hashKey does) is wasted work: at three to four recipe
 * digests per email or phone, that was about 5% of a CSV pass. Plain values' recipe digests and
 * hashed columns' values both take their key here, so the two meet. Text that does not start
 * with 13 lower-case hex digits (not a digest) gets hashKey.
 */
export function digestKey(hex: string): number {
  if (hex.length < 13) return hashKey(hex);
  let key = 0;
  for (let i = 0; i < 13; i++) {
    const c = hex.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return hashKey(hex);
    key = key * 16 + digit;
  }
  return key;
}
