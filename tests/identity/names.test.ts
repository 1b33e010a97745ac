import { describe, expect, it } from 'vitest';
import { FIRST_NAMES } from '../../src/identity/_first-names';
import { LAST_NAMES } from '../../src/identity/_last-names';
import { looksLikeFirstName, looksLikeFullName, looksLikeLastName } from '../../src/identity/names';
import { detect } from './_helpers';

const first = detect(looksLikeFirstName);
const last = detect(looksLikeLastName);
const full = detect(looksLikeFullName);

describe('looksLikeFirstName', () => {
  it('embeds about 400 common given names', () => {
    expect(new Set(FIRST_NAMES.map((n) => n.toLowerCase())).size).toBeGreaterThanOrEqual(400);
  });

  it.each(['John', 'MARY', ' olivia ', 'José', 'Jose', 'JOSÉ', 'Zoë', 'Zoe', 'François', 'Søren', 'Łukasz', 'Jürgen', 'Jurgen'])(
    'accepts %j, whatever its case and accents',
    (value) => {
      expect(first(value)).toBe(true);
    },
  );

  it.each(['John Smith', 'Smith', 'Table', 'J0hn', 'john@example.org', ''])('rejects %j', (value) => {
    expect(first(value)).toBe(false);
  });
});

describe('looksLikeLastName', () => {
  it('embeds about 400 common surnames', () => {
    expect(new Set(LAST_NAMES.map((n) => n.toLowerCase())).size).toBeGreaterThanOrEqual(400);
  });

  it.each(['Smith', 'GARCIA', "O'Brien", 'OBrien', 'o’brien', 'Müller', 'Muller', 'MÜLLER', 'de Jong', 'Nowak', 'Wiśniewski'])(
    'accepts %j',
    (value) => {
      expect(last(value)).toBe(true);
    },
  );

  it.each(['John Smith', 'Banana', 'Smith2'])('rejects %j', (value) => {
    expect(last(value)).toBe(false);
  });
});

describe('looksLikeFullName', () => {
  it.each([
    'John Smith',
    'JANE SMITH',
    'Mary Ann Jones',
    'Dr. Anna Müller',
    "Seán O'Brien",
    'Zoë  Kowalski',
    'Smith, John',
    'Jean-Pierre Dubois',
    'Unknownfirst Garcia',
    'Olivia Unknownlast',
  ])('accepts %j', (value) => {
    expect(full(value)).toBe(true);
  });

  it.each([
    ['one token', 'Smith'],
    ['five tokens', 'John Paul George Ringo Smith'],
    ['no known name', 'Acme Widgets'],
    ['digits', 'John Smith 2'],
    ['an email', 'john smith@example.org'],
    ['a sentence', 'call John back'],
    ['two commas', 'Smith, John, Jr'],
  ])('rejects %s', (_, value) => {
    expect(full(value)).toBe(false);
  });
});
