import { describe, expect, it } from 'vitest';
import { PERSONAL_TYPES, SemanticTypeSchema } from '../../src/model/semantic';
import { isPersonalType, maskValue } from '../../src/identity/mask';

describe('maskValue', () => {
  it('keeps the first character and the domain of an email', () => {
    expect(maskValue('john.smith@gmail.com', 'email')).toBe('j***@gmail.com');
    expect(maskValue(' Élodie@exemple.fr ', 'email')).toBe('É***@exemple.fr');
    expect(maskValue('not-an-email', 'email')).toBe('n***');
  });

  it('keeps a phone number’s country code, separators and last two digits', () => {
    expect(maskValue('+44 20 7946 0923', 'phone')).toBe('+44 ** **** **23');
    expect(maskValue('(415) 555-2671', 'phone')).toBe('(***) ***-**71');
    expect(maskValue('+447911123456', 'phone')).toBe('+**********56');
    expect(maskValue('n/a', 'phone')).toBe('***');
  });

  it('keeps the first letter of names', () => {
    expect(maskValue('John Smith', 'full_name')).toBe('J***');
    expect(maskValue('Zoë', 'first_name')).toBe('Z***');
    expect(maskValue('Ørsted', 'last_name')).toBe('Ø***');
  });

  it('masks handles, profile URLs included', () => {
    expect(maskValue('@jane_doe', 'handle')).toBe('@j***');
    expect(maskValue('https://twitter.com/JaneDoe', 'handle')).toBe('@j***');
  });

  it('keeps the network part of IP addresses', () => {
    expect(maskValue('192.168.1.20', 'ip')).toBe('192.168.*.*');
    expect(maskValue('2001:db8::8a2e:370:7334', 'ip')).toBe('2001:db8:*:*');
  });

  it('keeps the first two characters of postal codes', () => {
    expect(maskValue('SW1A 1AA', 'postal_code')).toBe('SW***');
    expect(maskValue('90210', 'postal_code')).toBe('90***');
  });

  it('returns non-personal values unchanged', () => {
    for (const type of ['uuid', 'hashed', 'ga_client_id', 'url', 'country', 'identifier', null] as const) {
      expect(maskValue('CUST-000123', type)).toBe('CUST-000123');
    }
  });

  it('is deterministic and keeps a character outside the BMP whole', () => {
    expect(maskValue('😀smile@example.org', 'email')).toBe('😀***@example.org');
    expect(maskValue('Jane Doe', 'full_name')).toBe(maskValue('Jane Doe', 'full_name'));
  });
});

describe('isPersonalType', () => {
  it('is true exactly for the personal types of the model', () => {
    for (const type of SemanticTypeSchema.options) {
      expect(isPersonalType(type)).toBe((PERSONAL_TYPES as readonly string[]).includes(type));
    }
    expect(isPersonalType(null)).toBe(false);
  });
});
