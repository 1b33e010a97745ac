import { describe, expect, it } from 'vitest';
import { looksLikePostalCode } from '../../src/identity/postal';
import { detect } from './_helpers';

const looks = detect(looksLikePostalCode);

describe('looksLikePostalCode', () => {
  it.each([
    ['US ZIP', '90210'],
    ['US ZIP+4', '90210-1234'],
    ['German PLZ', '10115'],
    ['French code postal', '75001'],
    ['UK AA9A 9AA', 'SW1A 1AA'],
    ['UK A9 9AA', 'M1 1AE'],
    ['UK AA9A 9AA in the City', 'EC1A 1BB'],
    ['UK A99 9AA', 'B33 8TH'],
    ['UK AA99 9AA', 'CR2 6XH'],
    ['UK without the space, lower case', 'sw1a1aa'],
    ['Canadian', 'K1A 0B1'],
    ['Canadian without the space, lower case', 'k1a0b1'],
    ['padded', ' 75001 '],
  ])('accepts a %s code', (_, value) => {
    expect(looks(value)).toBe(true);
  });

  it.each([
    ['four digits', '1234'],
    ['six digits', '123456'],
    ['a UK code missing its inward letters', 'SW1A 1'],
    ['a UK outward code alone', 'SW1A'],
    ['a decimal', '123.45'],
    ['a word', 'London'],
    ['an inward code with a digit where a letter goes', 'SW1A 1A1'],
  ])('rejects %s', (_, value) => {
    expect(looks(value)).toBe(false);
  });
});
