import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SemanticTypeSchema } from '../../src/model/semantic';
import { checkIdentityValue } from '../../src/identity/check';
import { decideSemanticType } from '../../src/identity/decide';
import { DETECTORS } from '../../src/identity/detectors';
import { looksLikeEmail } from '../../src/identity/email';
import { semanticFromName } from '../../src/identity/column-name';
import { maskValue } from '../../src/identity/mask';
import {
  describeNormaliser,
  hashAlgorithmOf,
  normaliseEmail,
  normaliseGaClientId,
  normaliseHandle,
  normaliseHash,
  normaliseIdentifier,
  normalisePhone,
  normaliseUuid,
} from '../../src/identity/normalize';
import { analyseShape } from '../../src/identity/shape';

const KINDS = SemanticTypeSchema.options;
const RUNS = { numRuns: 300 };

/** any UTF-16 code unit, lone surrogates included */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });
/** strings built from the characters identity values are made of, to reach the deeper paths */
const identityish = fc.string({
  unit: fc.constantFrom(
    ...'aAbBeEfFgGxXzZ0123456789@.+-_ ()#/:%,\'’éÉßİ\t\u00a0😀'.split(''),
    'gmail.com', 'googlemail.com', 'https://', 'twitter.com/', 'www.', 'GA1.2.', 'ext. ', '+44 ', '020 ', '::',
  ),
  maxLength: 40,
});
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), codeUnits, identityish);

const NORMALISERS: [string, (raw: string) => string | null][] = [
  ['normaliseEmail', (raw) => normaliseEmail(raw)],
  ['normaliseEmail with provider rules', (raw) => normaliseEmail(raw, { providerRules: true })],
  ['normaliseHandle', normaliseHandle],
  ['normaliseIdentifier', normaliseIdentifier],
  ['normaliseHash', normaliseHash],
  ['normaliseUuid', normaliseUuid],
  ['normaliseGaClientId', normaliseGaClientId],
  ['normalisePhone GB', (raw) => normalisePhone(raw, { region: 'GB' })],
  ['normalisePhone US', (raw) => normalisePhone(raw, { region: 'US' })],
];

describe('DETECTORS', () => {
  it('never throws and always answers a boolean, on any string', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const shape = analyseShape(value);
        for (const detector of DETECTORS) expect(typeof detector.match(value, shape)).toBe('boolean');
      }),
      RUNS,
    );
  });
});

describe('checkIdentityValue', () => {
  it('never throws, for every kind and region, and keeps normalisable within valid', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom('GB', 'US', 'DE', 'FR') as fc.Arbitrary<'GB' | 'US' | 'DE' | 'FR'>, (raw, region) => {
        for (const kind of KINDS) {
          const check = checkIdentityValue(kind, raw, { region });
          expect(!check.normalisable || check.valid).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('normalisers', () => {
  it.each(NORMALISERS)('%s never throws and is idempotent', (_, normalise) => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const once = normalise(raw);
        if (once !== null) expect(normalise(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('normalisePhone is idempotent on phone-shaped input', () => {
    const phoneish = fc.tuple(fc.constantFrom('', '+', '+44 ', '0', '00', '+1 ', '('), fc.string({ unit: fc.constantFrom(...'0123456789 -.()'.split('')), minLength: 6, maxLength: 18 }));
    fc.assert(
      fc.property(phoneish, fc.constantFrom('GB', 'US') as fc.Arbitrary<'GB' | 'US'>, ([prefix, body], region) => {
        const once = normalisePhone(prefix + body, { region });
        if (once !== null) expect(normalisePhone(once, { region })).toBe(once);
      }),
      RUNS,
    );
  });

  it('hashAlgorithmOf and describeNormaliser never throw', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        hashAlgorithmOf(raw);
        for (const kind of KINDS) expect(describeNormaliser(kind, { column: raw })).toContain(raw);
      }),
      RUNS,
    );
  });
});

describe('normaliseEmail', () => {
  it('returns text the email detector accepts whenever checkEmail says the value is valid', () => {
    const emailish = fc.tuple(
      fc.string({ unit: fc.constantFrom(...'aZ09._+-\'é '.split('')), minLength: 1, maxLength: 12 }),
      fc.constantFrom('gmail.com', 'GoogleMail.com', 'acme.co.uk', 'exämple.de', 'x.io', 'localhost', 'a..b', '-a.com'),
      fc.constantFrom('', ' ', '\t', ' \n'),
    );
    fc.assert(
      fc.property(emailish, ([local, domain, pad]) => {
        const raw = `${pad}${local}@${domain}${pad}`;
        if (!checkIdentityValue('email', raw, { region: 'GB' }).valid) return;
        for (const normalised of [normaliseEmail(raw), normaliseEmail(raw, { providerRules: true })]) {
          expect(looksLikeEmail(normalised, analyseShape(normalised))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('maskValue', () => {
  it('never throws, and never returns a personal value unchanged when it has 3 characters or more', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...KINDS, null), (value, type) => {
        const masked = maskValue(value, type);
        expect(typeof masked).toBe('string');
        if (type !== null && ['email', 'first_name', 'last_name', 'full_name', 'handle'].includes(type) && value.trim().length >= 3) {
          expect(masked).not.toBe(value.trim());
        }
      }),
      RUNS,
    );
  });
});

describe('semanticFromName and decideSemanticType', () => {
  it('never throw and keep shares and confidence in [0, 1]', () => {
    const counts = fc.dictionary(fc.constantFrom(...KINDS), fc.integer({ min: -5, max: 2000 }));
    fc.assert(
      fc.property(anyString, fc.integer({ min: -1, max: 1000 }), fc.integer({ min: -1, max: 3000 }), counts, (name, nonNullCount, distinctCount, matches) => {
        semanticFromName(name);
        const decision = decideSemanticType({ columnName: name, nonNullCount, distinctCount, matches });
        expect(decision.confidence).toBeGreaterThanOrEqual(0);
        expect(decision.confidence).toBeLessThanOrEqual(1);
        for (const c of decision.candidates) expect(c.share >= 0 && c.share <= 1).toBe(true);
        if (decision.type === null) expect(decision.confidence).toBe(0);
      }),
      RUNS,
    );
  });
});
