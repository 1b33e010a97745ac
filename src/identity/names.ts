import type { ValueShape } from './shape';
import { FIRST_NAMES } from './_first-names';
import { LAST_NAMES } from './_last-names';
import { createFoldedSet, type FoldedSet } from './_folded-set';
import { isAsciiLetterCode } from './_text';

const FIRST = createFoldedSet(FIRST_NAMES);
const LAST = createFoldedSet(LAST_NAMES);

/** Cheap rejection shared by the name detectors: letters, no digits or address characters. */
function nameGate(shape: ValueShape, maxLength: number): boolean {
  return shape.digits === 0 && shape.at === 0 && shape.slashes === 0 && shape.colons === 0 &&
    shape.underscores === 0 && shape.plus === 0 && shape.length <= maxLength &&
    shape.upper + shape.lower + shape.otherLetters >= 2;
}

/**
 * First-name test for column detection: the value, trimmed and folded (case, accents), is one of
 * about 550 common US, UK and European given names. A name column needs a matching column name
 * to be read as first names (see decide.ts): many words are also names.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is a common given name
 * @example looksLikeFirstName('  JOSÉ ', analyseShape('  JOSÉ ')) // true
 */
export function looksLikeFirstName(value: string, shape: ValueShape): boolean {
  return nameGate(shape, 40) && shape.commas === 0 && FIRST.has(value, 0, value.length);
}

/**
 * Surname test for column detection: the value, trimmed and folded (case, accents, apostrophes),
 * is one of about 550 common US, UK and European surnames (`O'Brien`, `MÜLLER`, `de Jong`).
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value is a common surname
 * @example looksLikeLastName("o'brien", analyseShape("o'brien")) // true
 */
export function looksLikeLastName(value: string, shape: ValueShape): boolean {
  return nameGate(shape, 40) && shape.commas === 0 && LAST.has(value, 0, value.length);
}

const MAX_TOKENS = 4;
/** token bounds [start, end) of the value being read (module scratch: no allocation) */
const bounds = new Int32Array(MAX_TOKENS * 2);

/** index of the token a comma follows in the value last tokenised, or -1 */
let commaAfter = -1;

function isNameLetter(c: number): boolean {
  return isAsciiLetterCode(c) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0x2019);
}

/**
 * Splits `value` at whitespace (and at most one comma) into `bounds` and `commaAfter`; returns the
 * token count, or -1 when a character cannot be part of a name, a token has no letter, or there
 * are more than 4 tokens.
 */
function tokenise(value: string): number {
  let count = 0;
  let start = -1;
  let letters = 0;
  commaAfter = -1;
  const n = value.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? value.charCodeAt(i) : 32;
    if (c === 32 || c === 9 || c === 160 || c === 44) {
      if (start >= 0) {
        if (letters === 0 || count === MAX_TOKENS) return -1;
        bounds[count * 2] = start;
        bounds[count * 2 + 1] = i;
        count++;
        start = -1;
      }
      if (c === 44) {
        if (commaAfter >= 0 || count === 0) return -1;
        commaAfter = count - 1;
      }
      continue;
    }
    if (start < 0) {
      start = i;
      letters = 0;
    }
    if (isNameLetter(c)) letters++;
    else if (c !== 45 && c !== 39 && c !== 46 && c !== 0x2019) return -1;
  }
  return count;
}

function tokenIn(set: FoldedSet, value: string, token: number): boolean {
  return set.has(value, bounds[token * 2] ?? 0, bounds[token * 2 + 1] ?? 0);
}

/**
 * Full-name test for column detection: 2 to 4 tokens of letters (with `-`, `'` and `.`), whose
 * first token is a common given name or whose last token is a common surname (`Jane Doe`,
 * `Dr. Anna Müller`, `Seán O'Brien`); `Surname, Given` is read the other way round.
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value looks like a person's full name
 * @example looksLikeFullName('Smith, John', analyseShape('Smith, John')) // true
 */
export function looksLikeFullName(value: string, shape: ValueShape): boolean {
  if (!nameGate(shape, 80) || shape.spaces + shape.commas === 0 || shape.commas > 1) return false;
  if (shape.others > 4 || shape.parens !== 0) return false;
  const count = tokenise(value);
  if (count < 2) return false;
  if (commaAfter >= 0) return commaAfter === 0 && (tokenIn(LAST, value, 0) || tokenIn(FIRST, value, 1));
  return tokenIn(FIRST, value, 0) || tokenIn(LAST, value, count - 1);
}
