import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalKey, phoneKey } from '../../src/identity/phone-key';
import { readPhone } from '../../src/identity/phone';

/** The parser's answer, as phoneKey gave it before the national fast path. */
function parsed(raw: string, region: string): string | null {
  const phone = readPhone(raw.trim(), region);
  return phone !== undefined && phone.isPossible() ? phone.number : null;
}

const REGIONS = ['GB', 'US', 'CA', 'DE', 'FR', 'IE', 'NL', 'ES', 'IT', 'AU', 'AR', 'BR', 'MX', 'JP', 'IN'];

/** Digit strings written the ways exports write them: spaces, dashes, dots, a parenthesised area code. */
const written = fc
  .tuple(fc.stringMatching(/^\d{6,13}$/), fc.constantFrom('', ' ', '-', '.'), fc.integer({ min: 1, max: 5 }), fc.boolean())
  .map(([digits, sep, cut, parens]) => {
    const head = digits.slice(0, cut);
    const tail = digits.slice(cut);
    return parens ? `(${head}) ${tail.slice(0, 3)}${sep}${tail.slice(3)}` : `${head}${sep}${tail}`;
  });

describe('nationalKey', () => {
  it('agrees with libphonenumber-js wherever it answers (property)', () => {
    fc.assert(
      fc.property(written, fc.constantFrom(...REGIONS), (raw, region) => {
        const fast = nationalKey(raw, region);
        if (fast !== null) expect(fast, `${raw} in ${region}`).toBe(parsed(raw, region));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['07700 900123', 'GB', '+447700900123'],
    ['020 7946 0123', 'GB', '+442079460123'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['1 415 555 2671', 'US', '+14155552671'],
    ['030 1234567', 'DE', '+49301234567'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
  ])('reads %s in %s without the parser', (raw, region, e164) => {
    expect(nationalKey(raw, region)).toBe(e164);
    expect(phoneKey(raw, region)).toBe(e164);
    expect(parsed(raw, region)).toBe(e164);
  });

  it.each([
    ['+44 7700 900123', 'GB'],
    ['07700 900123 ext. 12', 'GB'],
    ['0011 2345', 'AU'],
    ['011 15 2345 6789', 'AR'],
    ['555-2671', 'US'],
  ])('leaves %s in %s to the parser', (raw, region) => {
    expect(nationalKey(raw, region)).toBeNull();
  });
});
