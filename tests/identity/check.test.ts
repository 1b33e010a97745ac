import { describe, expect, it } from 'vitest';
import { IDENTITY_TYPES, SemanticTypeSchema } from '../../src/model/semantic';
import { checkIdentityValue } from '../../src/identity/check';

const GB = { region: 'GB' } as const;
const US = { region: 'US' } as const;

describe('checkIdentityValue', () => {
  it('dispatches each identity kind to its checker', () => {
    expect(checkIdentityValue('email', ' Jane@Acme.com', GB).details).toEqual(['mixedCase', 'padded']);
    expect(checkIdentityValue('phone', '020 7946 0958', GB).details).toEqual(['national']);
    expect(checkIdentityValue('phone', '020 7946 0958', US).valid).toBe(false);
    expect(checkIdentityValue('hashed', 'D41D8CD98F00B204E9800998ECF8427F', GB).details).toEqual(['md5', 'uppercaseHex']);
    expect(checkIdentityValue('uuid', '3F2504E0-4F89-11D3-9A0C-0305E82C3301', GB).details).toEqual(['uppercase']);
    expect(checkIdentityValue('handle', '@Jane', GB).details).toEqual(['atPrefix', 'mixedCase']);
    expect(checkIdentityValue('identifier', '00123', GB).details).toEqual(['leadingZeros']);
    expect(checkIdentityValue('ga_client_id', 'GA1.2.1234567890.1700000000', GB).details).toEqual(['gaPrefix']);
  });

  it('checks other kinds with their detector and flags padding', () => {
    expect(checkIdentityValue('ip', '10.0.0.1', GB)).toEqual({ valid: true, normalisable: false, details: [] });
    expect(checkIdentityValue('postal_code', ' SW1A 1AA ', GB)).toEqual({ valid: true, normalisable: true, details: ['padded'] });
    expect(checkIdentityValue('country', 'Narnia', GB)).toEqual({ valid: false, normalisable: false, details: ['invalid'] });
  });

  it('never reports normalisable without valid, for every kind', () => {
    const samples = ['', ' x ', 'Jane@Acme.com', '+44 20 7946 0958', '0000', 'N/A', '@Jane', '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}'];
    for (const kind of SemanticTypeSchema.options) {
      for (const raw of samples) {
        const check = checkIdentityValue(kind, raw, GB);
        if (check.normalisable) expect(check.valid).toBe(true);
        if (!check.valid) expect(check.details.length).toBeGreaterThan(0);
      }
    }
  });

  it('shares one frozen result per outcome, so the hot loop allocates none', () => {
    for (const kind of IDENTITY_TYPES) {
      const a = checkIdentityValue(kind, '', GB);
      expect(checkIdentityValue(kind, '', GB)).toBe(a);
      expect(Object.isFrozen(a)).toBe(true);
    }
  });
});
