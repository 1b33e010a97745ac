import { describe, expect, it } from 'vitest';
import { checkIdentifier, looksLikeIdentifier, normaliseIdentifier } from '../../src/identity/identifier';
import { detect } from './_helpers';

const looks = detect(looksLikeIdentifier);

describe('looksLikeIdentifier', () => {
  it.each(['CUST-000123', '003A000001XyZabC', '12345678', 'cus_J2k3LmN4', 'ORD.2024.000017', '12345.0', ' 0042 '])(
    'accepts the code %j',
    (value) => {
      expect(looks(value)).toBe(true);
    },
  );

  it.each([
    ['too short', '123'],
    ['no digit', 'active'],
    ['a space inside', 'CUST 000123'],
    ['an ISO date', '2024-01-31'],
    ['a European date', '31.01.2024'],
    ['a decimal amount', '1234.50'],
    ['a negative number', '-12345'],
    ['an email', 'jane@example.org'],
    ['a URL', 'https://example.org/1234'],
    ['accented letters', 'ÉTÉ-2024'],
    ['over 64 characters', 'A1'.repeat(33)],
  ])('rejects %s', (_, value) => {
    expect(looks(value)).toBe(false);
  });
});

describe('normaliseIdentifier', () => {
  it('trims and upper-cases', () => {
    expect(normaliseIdentifier(' cust-000123 ')).toBe('CUST-000123');
  });

  it('strips leading zeros from all-digit ids only', () => {
    expect(normaliseIdentifier('000123')).toBe('123');
    expect(normaliseIdentifier('0000')).toBe('0');
    expect(normaliseIdentifier('00A123')).toBe('00A123');
  });

  it('drops a float artefact', () => {
    expect(normaliseIdentifier('12345.0')).toBe('12345');
    expect(normaliseIdentifier('000123.00')).toBe('123');
    expect(normaliseIdentifier('123.45')).toBe('123.45');
  });
});

describe('checkIdentifier', () => {
  it('passes a clean upper-case code', () => {
    expect(checkIdentifier('CUST-000123')).toEqual({ valid: true, normalisable: false, details: [] });
  });

  it('names what normalisation changes', () => {
    expect(checkIdentifier('000123.0')).toEqual({ valid: true, normalisable: true, details: ['leadingZeros', 'floatArtefact'] });
    expect(checkIdentifier(' 003A000001XyZabC').details).toEqual(['padded', 'mixedCase']);
    expect(checkIdentifier('cust-9').details).toEqual(['lowerCase']);
  });

  it('rejects placeholders and Excel scientific notation', () => {
    expect(checkIdentifier('0').details).toEqual(['placeholder']);
    expect(checkIdentifier('N/A').details).toEqual(['placeholder']);
    expect(checkIdentifier('-1').valid).toBe(false);
    expect(checkIdentifier('1.23457E+11')).toEqual({ valid: false, normalisable: false, details: ['excelScientific'] });
    expect(checkIdentifier('   ').details).toEqual(['invalid']);
  });
});
