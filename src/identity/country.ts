import type { ValueShape } from './shape';
import { COUNTRY_WORDS } from './_countries';
import { createFoldedSet } from './_folded-set';

const COUNTRIES = createFoldedSet(COUNTRY_WORDS);

/**
 * Country test for column detection: ISO 3166-1 alpha-2 and alpha-3 codes and English names, any
 * case, plus common other names (`UK`, `USA`, `United States of America`, `Deutschland`,
 * `España`). Accents, dots and surrounding whitespace are ignored (`U.S.`, `Côte d'Ivoire`).
 *
 * @param value - the raw value
 * @param shape - `analyseShape(value)`
 * @returns whether the value names a country
 * @example looksLikeCountry('gbr', analyseShape('gbr')) // true
 */
export function looksLikeCountry(value: string, shape: ValueShape): boolean {
  if (shape.digits !== 0 || shape.at !== 0 || shape.slashes !== 0 || shape.underscores !== 0) return false;
  if (shape.colons !== 0 || shape.length > 64 || shape.upper + shape.lower + shape.otherLetters < 2) return false;
  return COUNTRIES.has(value, 0, value.length);
}
