import { describe, expect, it } from 'vitest';
import { checkGaClientId, looksLikeGaClientId, normaliseGaClientId } from '../../src/identity/ga';
import { detect } from './_helpers';

const looks = detect(looksLikeGaClientId);

describe('looksLikeGaClientId', () => {
  it.each(['1234567890.1234567890', '987654321.1699999999', 'GA1.2.1234567890.1700000000', 'GA1.1.123456789.1700000000'])(
    'accepts %j',
    (value) => {
      expect(looks(value)).toBe(true);
    },
  );

  it.each(['1234.1700000000', '1234567890.17000000', 'GA1.2.1234567890', 'GS1.1.1700000000.1.0.1700000000.0.0.0', '12.5'])(
    'rejects %j',
    (value) => {
      expect(looks(value)).toBe(false);
    },
  );
});

describe('normaliseGaClientId', () => {
  it('strips the _ga cookie prefix so cookie and hit values compare equal', () => {
    expect(normaliseGaClientId(' GA1.2.1234567890.1700000000 ')).toBe('1234567890.1700000000');
    expect(normaliseGaClientId('1234567890.1700000000')).toBe('1234567890.1700000000');
  });
});

describe('checkGaClientId', () => {
  it('passes a bare client id and flags the cookie prefix', () => {
    expect(checkGaClientId('1234567890.1700000000')).toEqual({ valid: true, normalisable: false, details: [] });
    expect(checkGaClientId('GA1.2.1234567890.1700000000')).toEqual({ valid: true, normalisable: true, details: ['gaPrefix'] });
    expect(checkGaClientId('abc').valid).toBe(false);
  });
});
