/**
 * Character-class summary of one value, computed in a single pass so that every detector and
 * the type inference can reject most values with integer comparisons instead of regexes.
 * Profilers reuse one object per column (`analyseShape(value, shape)` overwrites it).
 */
export interface ValueShape {
  length: number;
  digits: number;
  upper: number;
  lower: number;
  /** letters outside ASCII (accented names, other scripts) */
  otherLetters: number;
  /** ASCII hex letters a-f / A-F */
  hexLetters: number;
  spaces: number;
  at: number;
  dots: number;
  dashes: number;
  plus: number;
  colons: number;
  slashes: number;
  commas: number;
  underscores: number;
  parens: number;
  /** everything not counted above */
  others: number;
  firstCode: number;
  lastCode: number;
  /**
   * Hash of the value's character-class pattern (see profile/pattern.ts: `A`, `a`, `9`, other
   * characters as themselves, first 24 characters), so patterns are counted without building a
   * string per value.
   */
  patternHash: number;
  /** two independent 32-bit hashes of the value itself (see profile/hash.ts), for distinct counting */
  hash1: number;
  hash2: number;
}

export function createShape(): ValueShape {
  return {
    length: 0, digits: 0, upper: 0, lower: 0, otherLetters: 0, hexLetters: 0, spaces: 0, at: 0,
    dots: 0, dashes: 0, plus: 0, colons: 0, slashes: 0, commas: 0, underscores: 0, parens: 0,
    others: 0, firstCode: 0, lastCode: 0, patternHash: 0, hash1: 0, hash2: 0,
  };
}

/** Characters of a value that its pattern describes (kept in step with profile/pattern.ts). */
export const PATTERN_LENGTH = 24;
/**
 * Pattern class of a letter outside ASCII: `A` (65) for an upper-case Latin letter, `a` (97) for
 * any other (scripts without case included). Shared with profile/pattern.ts so counts by pattern
 * hash and pattern text agree.
 */
export function otherLetterClass(value: string, i: number, c: number): number {
  if (c >= 0x370) return 97;
  const ch = value[i]!;
  return ch === ch.toLowerCase() ? 97 : 65;
}

/** Fills `shape` for `value` and returns it. */
export function analyseShape(value: string, shape: ValueShape = createShape()): ValueShape {
  let digits = 0, upper = 0, lower = 0, otherLetters = 0, hexLetters = 0, spaces = 0, at = 0;
  let dots = 0, dashes = 0, plus = 0, colons = 0, slashes = 0, commas = 0, underscores = 0;
  let parens = 0, others = 0;
  let pattern = 0x811c9dc5;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    let p = c;
    if (c >= 48 && c <= 57) { digits++; p = 57; }
    else if (c >= 97 && c <= 122) { lower++; p = 97; if (c <= 102) hexLetters++; }
    else if (c >= 65 && c <= 90) { upper++; p = 65; if (c <= 70) hexLetters++; }
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) spaces++;
    else if (c === 46) dots++;
    else if (c === 45) dashes++;
    else if (c === 64) at++;
    else if (c === 43) plus++;
    else if (c === 58) colons++;
    else if (c === 47) slashes++;
    else if (c === 44) commas++;
    else if (c === 95) underscores++;
    else if (c === 40 || c === 41) parens++;
    else if (c >= 0xc0 && isLetterCode(c)) { otherLetters++; p = otherLetterClass(value, i, c); }
    else others++;
    if (i < PATTERN_LENGTH) pattern = Math.imul(pattern ^ p, 0x01000193);
  }
  shape.patternHash = (Math.imul(pattern ^ Math.min(n, PATTERN_LENGTH + 1), 0x01000193) >>> 0);
  // Same mixing and finish as profile/hash.ts hashString, so either may hash a value.
  shape.hash1 = fmix32(h1 ^ n);
  shape.hash2 = fmix32(h2 ^ n);
  shape.length = n;
  shape.digits = digits; shape.upper = upper; shape.lower = lower; shape.otherLetters = otherLetters;
  shape.hexLetters = hexLetters; shape.spaces = spaces; shape.at = at; shape.dots = dots;
  shape.dashes = dashes; shape.plus = plus; shape.colons = colons; shape.slashes = slashes;
  shape.commas = commas; shape.underscores = underscores; shape.parens = parens; shape.others = others;
  shape.firstCode = n > 0 ? value.charCodeAt(0) : 0;
  shape.lastCode = n > 0 ? value.charCodeAt(n - 1) : 0;
  return shape;
}

/** Letters of Latin-1 Supplement, Latin Extended and beyond (not the multiplication/division signs). */
export function isLetterCode(c: number): boolean {
  if (c === 0xd7 || c === 0xf7) return false;
  if (c <= 0x24f) return true;
  // Greek, Cyrillic, Hebrew, Arabic, CJK and other scripts: treat as letters; symbols are rare.
  return c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0xd800 && c <= 0xdfff);
}

/** MurmurHash3's 32-bit finaliser: every input bit reaches every output bit. */
export function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
