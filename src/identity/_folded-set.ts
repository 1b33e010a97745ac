/**
 * A set of words looked up case- and accent-insensitively without allocating: the value is folded
 * into a reused buffer (upper to lower case, Latin accents to their base letter, `ß` to `ss`,
 * apostrophes and dots dropped, hyphens, commas and whitespace runs to one space, ends trimmed),
 * hashed, and compared with the folded words that share its hash. Internal: never re-exported.
 */

const MAX_FOLDED = 64;
const buffer = new Uint16Array(MAX_FOLDED + 2);

/** Folded form of U+00C0..U+024F: one code, or two for ligatures; 0 = keep as is. */
const FOLD_ONE = new Uint16Array(0x250);
const FOLD_TWO = new Uint16Array(0x250);

(function buildFoldTable(): void {
  for (let c = 0xc0; c < 0x250; c++) {
    const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
    if (base < 128) FOLD_ONE[c] = base >= 65 && base <= 90 ? base | 32 : base;
  }
  const special: readonly (readonly [number, string])[] = [
    [0xdf, 'ss'], [0xc6, 'ae'], [0xe6, 'ae'], [0x152, 'oe'], [0x153, 'oe'], [0xd8, 'o'], [0xf8, 'o'],
    [0x141, 'l'], [0x142, 'l'], [0x110, 'd'], [0x111, 'd'], [0xd0, 'd'], [0xf0, 'd'], [0xde, 'th'],
    [0xfe, 'th'], [0x131, 'i'],
  ];
  for (const [code, text] of special) {
    FOLD_ONE[code] = text.charCodeAt(0);
    if (text.length > 1) FOLD_TWO[code] = text.charCodeAt(1);
  }
})();

/**
 * Folds `value[start..end)` into `buffer` and returns the folded length, or -1 when the value is
 * too long or holds characters that never occur in a word (digits, `@`, `/`, `_`...).
 */
function fold(value: string, start: number, end: number): number {
  let n = 0;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    let c = value.charCodeAt(i);
    let second = 0;
    if (c >= 97 && c <= 122) {
      // lower-case ASCII letter: as is
    } else if (c >= 65 && c <= 90) {
      c |= 32;
    } else if (
      c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 45 || c === 44 ||
      c === 40 || c === 41
    ) {
      if (n > 0) pendingSpace = true;
      continue;
    } else if (c === 39 || c === 46 || c === 0x2019 || c === 0x2bc) {
      continue; // O'Brien, St. Lucia
    } else if (c >= 0xc0 && c < 0x250) {
      const one = FOLD_ONE[c] ?? 0;
      if (one !== 0) {
        second = FOLD_TWO[c] ?? 0;
        c = one;
      }
    } else if (c < 0xc0) {
      return -1;
    }
    if (pendingSpace) {
      if (n >= MAX_FOLDED) return -1;
      buffer[n++] = 32;
      pendingSpace = false;
    }
    if (n + (second === 0 ? 1 : 2) > MAX_FOLDED) return -1;
    buffer[n++] = c;
    if (second !== 0) buffer[n++] = second;
  }
  return n;
}

function hashBuffer(n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    h ^= buffer[i] ?? 0;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function bufferEquals(n: number, word: string): boolean {
  if (word.length !== n) return false;
  for (let i = 0; i < n; i++) if (buffer[i] !== word.charCodeAt(i)) return false;
  return true;
}

export interface FoldedSet {
  /** Whether `value[start..end)`, folded, is one of the set's words. Allocation-free. */
  has(value: string, start: number, end: number): boolean;
  readonly size: number;
}

/** Builds a folded set; words that cannot be folded (digits, too long) are skipped. */
export function createFoldedSet(words: Iterable<string>): FoldedSet {
  const byHash = new Map<number, string[]>();
  let size = 0;
  for (const word of words) {
    const n = fold(word, 0, word.length);
    if (n <= 0) continue;
    const folded = String.fromCharCode(...buffer.subarray(0, n));
    const h = hashBuffer(n);
    const bucket = byHash.get(h);
    if (bucket === undefined) {
      byHash.set(h, [folded]);
      size++;
    } else if (!bucket.includes(folded)) {
      bucket.push(folded);
      size++;
    }
  }
  return {
    size,
    has(value: string, start: number, end: number): boolean {
      const n = fold(value, start, end);
      if (n <= 0) return false;
      const bucket = byHash.get(hashBuffer(n));
      if (bucket === undefined) return false;
      for (let i = 0; i < bucket.length; i++) if (bufferEquals(n, bucket[i] ?? '')) return true;
      return false;
    },
  };
}
