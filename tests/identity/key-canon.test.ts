import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalKey, EMAIL_RECIPES, PHONE_RECIPES, recipeKey, recipesFor, SAMPLING_RECIPE, type HashRecipe } from '../../src/identity/key-canon';
import { digestKey } from '../../src/profile/hash';

const digest = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');
/** The key of node:crypto's digest of `text`, as a hashed column holding that digest gets it. */
const keyOf = (algorithm: string, text: string): number => digestKey(digest(algorithm, text));
/** The key of `recipe` applied to a canonical value: its `prepare`, then its digest (as KeyTable does). */
const applyRecipe = (recipe: HashRecipe, canonical: string): number => recipeKey(recipe, recipe.prepare === null ? canonical : recipe.prepare(canonical));

describe('canonicalKey: email', () => {
  it('trims and lower-cases padded, mixed-case addresses', () => {
    for (const raw of [' Ann@Example.COM ', 'ann@example.com', 'ANN@EXAMPLE.COM', '\tAnn@example.com\n']) {
      expect(canonicalKey('email', raw, 'GB')).toBe('ann@example.com');
    }
  });

  it('keeps dots and +tags (provider rules are a recipe, never silent)', () => {
    expect(canonicalKey('email', 'John.Smith+news@GoogleMail.com', 'GB')).toBe('john.smith+news@googlemail.com');
  });

  it('gives no key for empty or blank text', () => {
    expect(canonicalKey('email', '', 'GB')).toBeNull();
    expect(canonicalKey('email', '   ', 'GB')).toBeNull();
  });
});

describe('canonicalKey: phone', () => {
  it('reads GB numbers written every usual way as one E.164 key', () => {
    for (const raw of ['07700 900123', '07700900123', '+44 7700 900123', '+44 (0)7700 900123', '(07700) 900123', '0044 7700 900123', '+447700900123', '07700 900123 ext. 12', '07700900123 x12']) {
      expect(canonicalKey('phone', raw, 'GB'), raw).toBe('+447700900123');
    }
  });

  it('uses the region only for numbers without a country code', () => {
    expect(canonicalKey('phone', '(415) 555-2671', 'US')).toBe('+14155552671');
    expect(canonicalKey('phone', '+1 (415) 555-2671 x12', 'GB')).toBe('+14155552671');
    expect(canonicalKey('phone', '+44 7700 900123', 'US')).toBe('+447700900123');
  });

  it('gives no key for text it cannot read as a possible number', () => {
    for (const raw of ['not a phone', 'abc', '12', '0000', '', '   ', '9'.repeat(70)]) expect(canonicalKey('phone', raw, 'GB'), raw).toBeNull();
  });
});

describe('canonicalKey: hashes, UUIDs, handles, GA ids', () => {
  it('lower-cases and trims hex digests', () => {
    const sha = digest('sha256', 'ann@example.com');
    expect(canonicalKey('hashed', ` ${sha.toUpperCase()} `, 'GB')).toBe(sha);
    expect(canonicalKey('hashed', 'ABCDEF0123456789ABCDEF0123456789', 'GB')).toBe('abcdef0123456789abcdef0123456789');
  });

  it('writes braced, upper-case and undashed UUIDs lower-case and dashed', () => {
    const uuid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    for (const raw of ['{3F2504E0-4F89-11D3-9A0C-0305E82C3301}', '3F2504E04F8911D39A0C0305E82C3301', ` ${uuid} `, uuid.toUpperCase()]) {
      expect(canonicalKey('uuid', raw, 'GB'), raw).toBe(uuid);
    }
  });

  it('drops the @ and profile URLs of handles, and lower-cases them', () => {
    for (const raw of ['@AnnSmith', 'AnnSmith', 'https://twitter.com/AnnSmith', 'twitter.com/AnnSmith', 'https://x.com/AnnSmith?lang=en']) {
      expect(canonicalKey('handle', raw, 'GB'), raw).toBe('annsmith');
    }
    expect(canonicalKey('handle', 'https://www.instagram.com/ann.smith/', 'GB')).toBe('ann.smith');
  });

  it('drops the GA1.2. prefix of GA client ids', () => {
    expect(canonicalKey('ga_client_id', 'GA1.2.1234567890.1600000000', 'GB')).toBe('1234567890.1600000000');
  });
});

describe('canonicalKey: identifiers and values', () => {
  it('drops float artefacts and leading zeros, trims and upper-cases', () => {
    expect(canonicalKey('identifier', '000123.0', 'GB')).toBe('123');
    expect(canonicalKey('identifier', '123.0', 'GB')).toBe('123');
    expect(canonicalKey('identifier', ' 123 ', 'GB')).toBe('123');
    expect(canonicalKey('identifier', '123', 'GB')).toBe('123');
    expect(canonicalKey('identifier', 'abc-001', 'GB')).toBe('ABC-001');
    expect(canonicalKey('value', 'gold', 'GB')).toBe('GOLD');
  });

  it('keeps what is not an artefact', () => {
    expect(canonicalKey('identifier', 'A0012', 'GB')).toBe('A0012');
    expect(canonicalKey('identifier', '1.50', 'GB')).toBe('1.50');
    expect(canonicalKey('identifier', '', 'GB')).toBeNull();
  });
});

describe('hash recipes', () => {
  const email = 'john.smith+news@gmail.com';

  it('lists email and phone recipes, none for other kinds', () => {
    expect(recipesFor('email')).toBe(EMAIL_RECIPES);
    expect(recipesFor('phone')).toBe(PHONE_RECIPES);
    expect(recipesFor('uuid')).toEqual([]);
    expect(recipesFor('identifier')).toEqual([]);
    expect(EMAIL_RECIPES.map((r) => r.name)).toContain('sha256(lower(trim(email)))');
  });

  it('samples plain emails and phones on the SHA-256 of their canonical value, with no other preparation', () => {
    expect(EMAIL_RECIPES[SAMPLING_RECIPE]).toMatchObject({ name: 'sha256(lower(trim(email)))', algorithm: 'sha256', prepare: null });
    expect(PHONE_RECIPES[SAMPLING_RECIPE]).toMatchObject({ name: 'sha256(e164(phone))', algorithm: 'sha256', prepare: null });
  });

  it('keys a canonical email by the digest node:crypto makes of it', () => {
    for (const algorithm of ['sha256', 'md5', 'sha1'] as const) {
      const recipe = EMAIL_RECIPES.find((r) => r.algorithm === algorithm && !r.providerRules)!;
      expect(recipe.name).toBe(`${algorithm}(lower(trim(email)))`);
      expect(applyRecipe(recipe, email)).toBe(keyOf(algorithm, email));
      const canonical = canonicalKey('email', ' John.Smith+news@GMAIL.com ', 'GB')!;
      expect(applyRecipe(recipe, canonical)).toBe(keyOf(algorithm, email));
    }
  });

  it('applies Gmail provider rules only in the provider-rules recipe', () => {
    const recipe = EMAIL_RECIPES.find((r) => r.algorithm === 'sha256' && r.providerRules)!;
    expect(recipe.name).toBe('sha256(gmail_canonical(lower(trim(email))))');
    expect(applyRecipe(recipe, email)).toBe(keyOf('sha256', 'johnsmith@gmail.com'));
    // not a Gmail address: the provider rules change nothing
    expect(applyRecipe(recipe, 'john.smith+news@fellside.co.uk')).toBe(keyOf('sha256', 'john.smith+news@fellside.co.uk'));
  });

  it('hashes phones as E.164 with the + and as digits only', () => {
    const e164 = canonicalKey('phone', '07700 900123', 'GB')!;
    const plus = PHONE_RECIPES.find((r) => r.name === 'sha256(e164(phone))')!;
    const digits = PHONE_RECIPES.find((r) => r.name === 'sha256(e164_digits(phone))')!;
    expect(applyRecipe(plus, e164)).toBe(keyOf('sha256', '+447700900123'));
    expect(applyRecipe(digits, e164)).toBe(keyOf('sha256', '447700900123'));
    expect(applyRecipe(PHONE_RECIPES.find((r) => r.name === 'md5(e164(phone))')!, e164)).toBe(keyOf('md5', '+447700900123'));
  });
});

describe('recipeKey', () => {
  it('is the key digestKey reads from the hex digest, for every recipe and any text', () => {
    const recipes = [...EMAIL_RECIPES, ...PHONE_RECIPES];
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: recipes.length - 1 }), (text, r) => {
        const recipe = recipes[r]!;
        expect(recipeKey(recipe, text)).toBe(keyOf(recipe.algorithm, text));
      }),
    );
  });

  it('matches a SHA-256 digest written by hand in another file', () => {
    const hex = digest('sha256', 'ann@example.com');
    expect(recipeKey(EMAIL_RECIPES[SAMPLING_RECIPE]!, 'ann@example.com')).toBe(Number.parseInt(hex.slice(0, 13), 16));
  });
});
