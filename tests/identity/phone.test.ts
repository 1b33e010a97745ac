import { describe, expect, it } from 'vitest';
import { checkPhone, looksLikePhone, normalisePhone } from '../../src/identity/phone';
import { detect } from './_helpers';

const looks = detect(looksLikePhone);

describe('looksLikePhone', () => {
  it.each([
    '+44 20 7946 0958',
    '020 7946 0958',
    '(020) 7946-0958',
    '+44 (0)20 7946 0958',
    '07911 123456',
    '+447911123456',
    '00447911123456',
    '(415) 555-2671',
    '415.555.2671',
    '1-415-555-2671',
    '4155552671',
    '14155552671',
    '555-1234',
    '+1 415 555 2671 ext. 123',
    '415-555-2671 x42',
    '415-555-2671 #42',
    '030 12345678',
    '+49 (0) 30 1234 5678',
    '01 23 45 67 89',
    '01.23.45.67.89',
    '+33 1 23 45 67 89',
    ' +44 20 7946 0958 ',
  ])('accepts %j', (value) => {
    expect(looks(value)).toBe(true);
  });

  it.each([
    ['too few digits', '555-123'],
    ['too many digits', '+44 20 7946 0958 1234 5'],
    ['a short pure-digit string', '12345678'],
    ['10-digit epoch seconds', '1700000000'],
    ['13-digit epoch milliseconds', '1700000000000'],
    ['an ISO date', '2024-01-31'],
    ['a European date', '31.01.2024'],
    ['a dotted quad', '192.168.100.200'],
    ['a decimal', '12345.6789'],
    ['a ZIP+4 code', '90210-1234'],
    ['letters that are not an extension', '0800 FLOWERS'],
    ['a leading dash', '-4155552671'],
    ['doubled separators', '415--555-2671'],
    ['unbalanced parentheses', '(415 555-2671'],
    ['an email', 'jane@example.org'],
    ['a plus sign in the middle', '44+2079460958'],
  ])('rejects %s', (_, value) => {
    expect(looks(value)).toBe(false);
  });
});

describe('checkPhone', () => {
  it('reads a UK national number in region GB as valid and normalisable', () => {
    expect(checkPhone('020 7946 0958', 'GB')).toEqual({ valid: true, normalisable: true, details: ['national'] });
    expect(checkPhone('07911 123456', 'GB').details).toEqual(['national']);
  });

  it('says how a number with its country code was written', () => {
    expect(checkPhone('+442079460958', 'GB')).toEqual({ valid: true, normalisable: false, details: ['e164'] });
    expect(checkPhone('+44 20 7946 0958', 'GB').details).toEqual(['international']);
    expect(checkPhone('0044 20 7946 0958', 'GB').details).toEqual(['international']);
    expect(checkPhone('447911123456', 'GB').details).toEqual(['international']);
  });

  it('reads US formats in region US', () => {
    expect(checkPhone('(415) 555-2671', 'US').details).toEqual(['national']);
    expect(checkPhone('415.555.2671', 'US').details).toEqual(['national']);
    expect(checkPhone('1-415-555-2671', 'US').details).toEqual(['international']);
    expect(checkPhone('+14155552671', 'US').normalisable).toBe(false);
  });

  it('reads numbers with a country code whatever the region', () => {
    expect(checkPhone('+49 30 12345678', 'US')).toMatchObject({ valid: true, details: ['international'] });
    expect(checkPhone('+33 1 23 45 67 89', 'GB')).toMatchObject({ valid: true, details: ['international'] });
    expect(checkPhone('+1 (415) 555-2671', 'GB')).toMatchObject({ valid: true, details: ['international'] });
  });

  it('flags extensions and padding', () => {
    expect(checkPhone('415-555-2671 x42', 'US').details).toEqual(['national', 'extension']);
    expect(checkPhone(' +14155552671 ', 'US')).toEqual({ valid: true, normalisable: true, details: ['e164', 'padded'] });
  });

  it.each([
    ['US', '555-1234'],
    ['US', '12345'],
    ['GB', 'not a phone'],
    ['GB', ''],
    ['GB', '+999 123 456'],
    ['US', 'Call: (415) 555-2671'],
  ] as const)('in region %s, marks %j invalid', (region, value) => {
    expect(checkPhone(value, region)).toEqual({ valid: false, normalisable: false, details: ['invalid'] });
  });
});

describe('normalisePhone', () => {
  it('writes UK, US, German and French numbers in E.164', () => {
    expect(normalisePhone('(020) 7946-0958', { region: 'GB' })).toBe('+442079460958');
    expect(normalisePhone('07911 123456', { region: 'GB' })).toBe('+447911123456');
    expect(normalisePhone('(415) 555-2671', { region: 'US' })).toBe('+14155552671');
    expect(normalisePhone('030 12345678', { region: 'DE' })).toBe('+493012345678');
    expect(normalisePhone('+33 1 23 45 67 89', { region: 'US' })).toBe('+33123456789');
  });

  it('drops the extension', () => {
    expect(normalisePhone('+1 415 555 2671 ext. 123', { region: 'GB' })).toBe('+14155552671');
  });

  it('returns null when the text is not a possible number', () => {
    expect(normalisePhone('555-1234', { region: 'US' })).toBeNull();
    expect(normalisePhone('n/a', { region: 'US' })).toBeNull();
    expect(normalisePhone('', { region: 'GB' })).toBeNull();
  });
});

describe('checkPhone on unassigned ranges', () => {
  it('says apart numbers of the right length in ranges no operator was given', () => {
    expect(checkPhone('07700 900123', 'GB')).toMatchObject({ valid: false, details: ['invalid', 'unassignedRange'] });
    expect(checkPhone('12', 'GB')).toMatchObject({ valid: false, details: ['invalid'] });
  });
});
