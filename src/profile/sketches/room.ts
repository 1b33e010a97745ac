/**
 * Growable typed arrays for the key and link tables: `array` if it has room for `needed` items,
 * else a copy at least twice as long. Flat typed arrays, grown by doubling and compacted in place
 * when sampled, allocate a few times per table; arrays of numbers grown by push and rebuilt by
 * every sampling step made hundreds of megabytes of old-generation garbage per million rows.
 */
export function withRoom(array: Float64Array, needed: number): Float64Array;
export function withRoom(array: Uint32Array, needed: number): Uint32Array;
export function withRoom(array: Float64Array | Uint32Array, needed: number): Float64Array | Uint32Array {
  if (needed <= array.length) return array;
  const length = Math.max(needed, array.length * 2, 16);
  const grown = array instanceof Float64Array ? new Float64Array(length) : new Uint32Array(length);
  grown.set(array);
  return grown;
}
