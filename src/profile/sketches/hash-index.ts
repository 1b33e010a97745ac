/**
 * An open-addressing index from 52-bit hashes (non-negative integers below 2^52, as hashKey gives;
 * any integer below 2^53 whose low bits are uniform works) to entry numbers. Key tables and link
 * tables keep their entries in flat arrays and find them here: a Map keyed by such numbers boxes
 * every key (they are not small integers) and costs an object per entry, which for 100,000 keys
 * per column is most of a profile's memory and time.
 */
export class HashIndex {
  private keys: Float64Array;
  /** entry number + 1; 0 marks an empty slot */
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /**
   * The entry stored under `key` for which `same(entry)` holds (all of them when `same` is
   * omitted), or -1. `same` tells apart different entries whose keys collide (link tables).
   */
  get(key: number, same?: (entry: number) => boolean): number {
    const { keys, values, mask } = this;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const value = values[slot]!;
      if (value === 0) return -1;
      if (keys[slot] === key && (same === undefined || same(value - 1))) return value - 1;
    }
  }

  /** Stores `entry` under `key` (a new entry: callers look it up first). */
  add(key: number, entry: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    place(this.keys, this.values, this.mask, key, entry + 1);
    this.size++;
  }

  /** Forgets every entry (entries are renumbered after sampling, then added again). */
  clear(): void {
    this.values.fill(0);
    this.size = 0;
  }

  private grow(): void {
    const { keys, values } = this;
    const slots = values.length * 2;
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
    for (let s = 0; s < values.length; s++) if (values[s] !== 0) place(this.keys, this.values, this.mask, keys[s]!, values[s]!);
  }
}

/** The low 30 bits of a hash pick its first slot (hashes are uniform in every bit). */
function slotOf(key: number, mask: number): number {
  return (key % 1073741824) & mask;
}

function place(keys: Float64Array, values: Int32Array, mask: number, key: number, value: number): void {
  let slot = slotOf(key, mask);
  while (values[slot] !== 0) slot = (slot + 1) & mask;
  keys[slot] = key;
  values[slot] = value;
}
