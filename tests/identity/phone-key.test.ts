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

/** Numbers as a region writes them nationally: a trunk prefix (or a NANP area code) and a plausible length. */
const national = fc.constantFrom(...REGIONS).chain((region) => {
  const nanp = region === 'US' || region === 'CA';
  const digits = nanp ? fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/) : fc.stringMatching(/^0[1-9]\d{7,9}$/);
  return fc.tuple(fc.constant(region), digits, fc.constantFrom('', ' ', '-', '.'), fc.boolean()).map(([r, d, sep, parens]) => {
    const raw = parens ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}${sep}${d.slice(6)}` : `${d.slice(0, 4)}${sep}${d.slice(4)}`;
    return [r, raw] as const;
  });
});

describe('phoneKey on compact E.164', () => {
  it('answers as the parser does, written compact or spaced (property)', () => {
    const compact = fc.stringMatching(/^\+[1-9]\d{7,14}$/);
    fc.assert(
      fc.property(compact, (raw) => {
        const spaced = `${raw.slice(0, 3)} ${raw.slice(3, 7)} ${raw.slice(7)}`;
        expect(phoneKey(raw, 'GB'), raw).toBe(parsed(raw, 'GB'));
        expect(phoneKey(spaced, 'GB'), spaced).toBe(phoneKey(raw, 'GB'));
      }),
      { numRuns: 3000 },
    );
  });

  // The parser strips a national prefix from international numbers too (Belarus 8, China's 1xx carrier codes):
  // compact forms starting with one must not keep it where the spaced forms lose it.
  it.each(['+3758100000000', '+37580134835267', '+86121069210547', '+86119486623964'])('reads %s as the parser does, compact or spaced', (raw) => {
    const spaced = `${raw.slice(0, 4)} ${raw.slice(4)}`;
    expect(parsed(raw, 'GB')).not.toBe(raw);
    expect(phoneKey(raw, 'GB')).toBe(parsed(raw, 'GB'));
    expect(phoneKey(spaced, 'GB')).toBe(phoneKey(raw, 'GB'));
  });

  it('gives no key to an impossible number however it is written', () => {
    for (const raw of ['+447700900123456', '+44 7700 900123456', '+99912345678', '+999 1234 5678']) expect(phoneKey(raw, 'GB'), raw).toBeNull();
    expect(phoneKey('+447700900123', 'GB')).toBe('+447700900123');
  });
});

describe('nationalKey', () => {
  it('agrees with libphonenumber-js wherever it answers, on arbitrary digits (property)', () => {
    fc.assert(
      fc.property(written, fc.constantFrom(...REGIONS), (raw, region) => {
        const fast = nationalKey(raw, region);
        if (fast !== null) expect(fast, `${raw} in ${region}`).toBe(parsed(raw, region));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers most nationally written numbers of plain regions, and agrees with the parser on each (property)', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(national, ([region, raw]) => {
        runs++;
        const fast = nationalKey(raw, region);
        if (fast === null) return;
        answered++;
        expect(fast, `${raw} in ${region}`).toBe(parsed(raw, region));
      }),
      { numRuns: 3000 },
    );
    // the fast path must carry real weight, or the agreement above proves little
    expect(answered / runs).toBeGreaterThan(0.3);
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
