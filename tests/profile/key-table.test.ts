import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyKind } from '../../src/identity/key-kind';
import { canonicalKey } from '../../src/identity/key-canon';
import { identityKeysOf } from '../../src/keys/key-columns';
import { profileDataset } from '../../src/profile/dataset';
import { digestKey, hashKey } from '../../src/profile/hash';
import { decodeKeyTable, KeyTable, levelLimit, type KeyTableState } from '../../src/profile/key-table';

const digest = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');

function table(kind: KeyKind, values: readonly string[], budget = 1000, mask = false): KeyTable {
  const t = new KeyTable({ column: 'c', kind, region: 'GB', budget, mask });
  for (const v of values) t.add(v);
  return t;
}

function countsOf(state: KeyTableState): Map<number, number> {
  const data = decodeKeyTable(state);
  const out = new Map<number, number>();
  data.hashes.forEach((h, i) => out.set(h, data.counts[i]!));
  return out;
}

function variantsOf(state: KeyTableState): Map<number, number[]> {
  const data = decodeKeyTable(state);
  const width = state.recipes.length;
  const out = new Map<number, number[]>();
  data.hashes.forEach((h, i) => out.set(h, Array.from(data.variants.subarray(i * width, (i + 1) * width))));
  return out;
}

const minHash = (hash: number, variants: readonly number[]): number => Math.min(hash, ...variants);

describe('KeyTable: exact', () => {
  it('counts each canonical key exactly, however it was written', () => {
    const state = table('email', [' Ann@Fellside.co.uk', 'ann@fellside.co.uk', 'ANN@FELLSIDE.CO.UK ', 'bob@fellside.co.uk', 'cat@fellside.co.uk', 'cat@fellside.co.uk']).toState();
    expect(state.level).toBe(0);
    expect(countsOf(state)).toEqual(
      new Map([
        [hashKey('ann@fellside.co.uk'), 3],
        [hashKey('bob@fellside.co.uk'), 1],
        [hashKey('cat@fellside.co.uk'), 2],
      ]),
    );
    expect(state.keyedValues).toBe(6);
    expect(state.unkeyedValues).toBe(0);
  });

  it('counts phones written every way as one key, and unreadable ones apart', () => {
    const t = table('phone', ['07700 900123', '+44 7700 900123', '(07700) 900123', 'call me', '07700 900456']);
    expect(t.add('not a phone')).toBeNaN();
    const state = t.toState();
    expect(countsOf(state)).toEqual(new Map([[hashKey('+447700900123'), 3], [hashKey('+447700900456'), 1]]));
    expect(state.keyedValues).toBe(4);
    expect(state.unkeyedValues).toBe(2);
  });

  it('counts weights', () => {
    const t = new KeyTable({ column: 'c', kind: 'identifier', region: 'GB', budget: 100, mask: false });
    t.add('C-1', 5);
    t.add('c-1 ', 2);
    expect(countsOf(t.toState())).toEqual(new Map([[hashKey('C-1'), 7]]));
    expect(t.keyedValues).toBe(7);
  });

  it('keeps display labels of repeated keys only', () => {
    const state = table('identifier', ['C-1', 'C-1', 'C-2']).toState();
    expect(state.labels).toEqual([[hashKey('C-1'), 'C-1']]);
  });
});

describe('KeyTable: junk', () => {
  it('keeps junk apart from the keys, with counts and reasons', () => {
    const state = table('email', ['test@test.com', ' TEST@test.com', 'test@test.com', 'noemail@fellside.co.uk', 'noemail@fellside.co.uk', 'ann@fellside.co.uk']).toState();
    expect(countsOf(state)).toEqual(new Map([[hashKey('ann@fellside.co.uk'), 1]]));
    expect(state.keyedValues).toBe(6);
    const junk = new Map(state.junk.map((j) => [j.hash, j]));
    expect(junk.get(hashKey('test@test.com'))).toMatchObject({ count: 3, reason: 'placeholder_email', label: 'test@test.com' });
    expect(junk.get(hashKey('noemail@fellside.co.uk'))).toMatchObject({ count: 2, reason: 'placeholder_email', label: 'noemail@fellside.co.uk' });
    expect(state.junk).toHaveLength(2);
  });

  it('masks the labels of personal junk when masking is on, never of identifiers', () => {
    const emails = table('email', ['noemail@fellside.co.uk', 'noemail@fellside.co.uk'], 1000, true).toState();
    const label = emails.junk[0]!.label;
    expect(label).not.toBe('noemail@fellside.co.uk');
    expect(label).not.toContain('noemail');
    expect(label).toContain('*');
    const phones = table('phone', ['+440000000000'], 1000, true).toState();
    expect(phones.junk[0]).toMatchObject({ reason: 'repeated_digits', count: 1 });
    expect(phones.junk[0]!.label).not.toBe('+440000000000');
    const ids = table('identifier', ['unknown', 'UNKNOWN'], 1000, true).toState();
    expect(ids.junk[0]).toMatchObject({ reason: 'placeholder_word', count: 2, label: 'unknown' });
  });

  it('drops junk with no count and finds hashed placeholders', () => {
    const state = table('hashed', [digest('sha256', ''), digest('sha256', 'ann@fellside.co.uk')]).toState();
    expect(state.junk.map((j) => j.reason)).toEqual(['hash_of_placeholder']);
    expect(countsOf(state)).toEqual(new Map([[digestKey(digest('sha256', 'ann@fellside.co.uk')), 1]]));
  });
});

describe('KeyTable: recipe variants', () => {
  it('stores, per email, the key hash of each recipe digest', () => {
    const state = table('email', ['John.Smith+news@GMAIL.com', 'ann@fellside.co.uk']).toState();
    expect(state.recipes).toEqual([
      'sha256(lower(trim(email)))',
      'md5(lower(trim(email)))',
      'sha1(lower(trim(email)))',
      'sha256(gmail_canonical(lower(trim(email))))',
      'md5(gmail_canonical(lower(trim(email))))',
      'sha1(gmail_canonical(lower(trim(email))))',
    ]);
    const variants = variantsOf(state);
    const plain = (e: string): number[] => ['sha256', 'md5', 'sha1'].map((a) => digestKey(digest(a, e)));
    expect(variants.get(hashKey('john.smith+news@gmail.com'))).toEqual([...plain('john.smith+news@gmail.com'), ...plain('johnsmith@gmail.com')]);
    // provider rules change nothing outside Gmail: the same digests twice
    expect(variants.get(hashKey('ann@fellside.co.uk'))).toEqual([...plain('ann@fellside.co.uk'), ...plain('ann@fellside.co.uk')]);
  });

  it('stores, per phone, the digests of E.164 with and without the +', () => {
    const state = table('phone', ['07700 900123']).toState();
    expect(state.recipes).toEqual(['sha256(e164(phone))', 'md5(e164(phone))', 'sha1(e164(phone))', 'sha256(e164_digits(phone))']);
    expect(variantsOf(state).get(hashKey('+447700900123'))).toEqual([
      digestKey(digest('sha256', '+447700900123')),
      digestKey(digest('md5', '+447700900123')),
      digestKey(digest('sha1', '+447700900123')),
      digestKey(digest('sha256', '447700900123')),
    ]);
  });

  it('stores no variants for other kinds', () => {
    const state = table('uuid', ['3f2504e0-4f89-11d3-9a0c-0305e82c3301']).toState();
    expect(state.recipes).toEqual([]);
    expect(decodeKeyTable(state).variants).toHaveLength(0);
  });
});

describe('KeyTable: coordinated sampling', () => {
  const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `CUST-${from + i}`);
  const emails = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `person.${from + i}@fellside.co.uk`);

  it('raises the level past the budget and keeps exactly the keys below its limit (identifiers)', () => {
    const values = ids(0, 2000);
    const budget = 32;
    const state = table('identifier', [...values, ...values.slice(0, 500)], budget).toState();
    expect(state.level).toBeGreaterThan(0);
    const limit = levelLimit(state.level);
    const expected = new Map<number, number>();
    values.forEach((v, i) => {
      const h = hashKey(canonicalKey('identifier', v, 'GB')!);
      if (h < limit) expected.set(h, i < 500 ? 2 : 1);
    });
    expect(countsOf(state)).toEqual(expected);
    expect(expected.size).toBeLessThanOrEqual(budget);
    // the level is the lowest that fits the budget
    const previous = levelLimit(state.level - 1);
    expect(values.filter((v) => hashKey(canonicalKey('identifier', v, 'GB')!) < previous).length).toBeGreaterThan(budget);
    expect(state.keyedValues).toBe(2500);
  });

  it('keeps an email when its hash or any recipe hash is below the limit', () => {
    const values = emails(0, 1500);
    const budget = 16;
    const state = table('email', values, budget).toState();
    expect(state.level).toBeGreaterThan(0);
    const limit = levelLimit(state.level);
    const variants = variantsOf(state);
    const expected = new Set<number>();
    for (const v of values) {
      const vs = ['sha256', 'md5', 'sha1'].map((a) => digestKey(digest(a, v)));
      if (minHash(hashKey(v), [...vs, ...vs]) < limit) expected.add(hashKey(v));
    }
    expect(new Set(countsOf(state).keys())).toEqual(expected);
    for (const [hash, vs] of variants) expect(minHash(hash, vs)).toBeLessThan(limit);
    // some kept keys are kept for a recipe hash only
    expect([...variants].some(([hash]) => hash >= limit)).toBe(true);
  });

  it('keeps the same shared keys in two tables with the same budget, at a common level', () => {
    const sampleMin = (kind: KeyKind, canonical: string): number => {
      if (kind !== 'email') return hashKey(canonical);
      const vs = ['sha256', 'md5', 'sha1'].map((a) => digestKey(digest(a, canonical)));
      return minHash(hashKey(canonical), vs);
    };
    for (const [makeValues, kind] of [
      [ids, 'identifier'],
      [emails, 'email'],
    ] as const) {
      const a = table(kind, makeValues(0, 1200), 24).toState();
      const b = table(kind, makeValues(600, 3000), 24).toState();
      expect(a.level).toBeGreaterThan(0);
      expect(b.level).toBeGreaterThanOrEqual(a.level);
      const limit = levelLimit(Math.max(a.level, b.level));
      const at = (s: KeyTableState): Set<number> => new Set([...variantsOf(s)].filter(([h, vs]) => minHash(h, vs) < limit).map(([h]) => h));
      const keysA = at(a);
      const keysB = at(b);
      const shared = makeValues(600, 1200).map((v) => canonicalKey(kind, v, 'GB')!);
      const expected = new Set(shared.filter((c) => sampleMin(kind, c) < limit).map((c) => hashKey(c)));
      expect(expected.size).toBeGreaterThan(0);
      // every shared value below the common limit is in both samples, and nothing else is shared
      expect(new Set([...keysA].filter((h) => keysB.has(h)))).toEqual(expected);
      for (const h of expected) expect([keysA.has(h), keysB.has(h)]).toEqual([true, true]);
    }
  });
});

describe('empty and blank values', () => {
  it('are not keys: profileDataset counts them as empty rows of the links', async () => {
    const rows = [
      { email: 'ann@fellside.co.uk', phone: '07700 900123' },
      { email: '', phone: '  ' },
      { email: '   ', phone: null },
      { email: null, phone: '\t' },
      { email: 'Bob@Fellside.co.uk', phone: '' },
    ];
    const profile = await profileDataset(rows, { name: 'crm', profiledAt: '2026-01-01', region: 'GB' });
    const keys = identityKeysOf(profile);
    const email = keys.tables.find((t) => t.column === 'email')!;
    const phone = keys.tables.find((t) => t.column === 'phone')!;
    expect(email.kind).toBe('email');
    expect(email.keyedValues).toBe(2);
    expect(email.unkeyedValues).toBe(0);
    expect(countsOf(email)).toEqual(new Map([[hashKey('ann@fellside.co.uk'), 1], [hashKey('bob@fellside.co.uk'), 1]]));
    expect(phone.keyedValues).toBe(1);
    expect(phone.unkeyedValues).toBe(0);
    expect(keys.links!.rows).toBe(5);
    expect(keys.links!.emptyRows).toBe(3);
  });
});

describe('KeyTable edge cases found in review', () => {
  it('gives junk past the junk cap to no link: the stitch cannot leave out what the report does not list', () => {
    const t = new KeyTable({ column: 'email', kind: 'email', region: 'GB', budget: 1000, mask: false });
    for (let i = 0; i < 100; i++) expect(Number.isNaN(t.add(`noemail${i}@test.com`))).toBe(false);
    expect(t.add('test@test.com')).toBeNaN();
    const state = t.toState();
    expect(state.junk).toHaveLength(100);
    expect(state.keyedValues).toBe(101);
  });

  it('labels a key counted several times at once (tables rebuilt from exact values)', () => {
    const t = new KeyTable({ column: 'email', kind: 'email', region: 'GB', budget: 1000, mask: false });
    t.add('jane@fellmail.co.uk', 5);
    expect(t.toState().labels.map(([, label]) => label)).toEqual(['jane@fellmail.co.uk']);
  });

  it('reads null tokens and blank values as nulls, as the column profiler does', () => {
    const t = table('email', ['NULL', 'n/a', '\u00a0', '', 'jane@fellmail.co.uk']);
    const state = t.toState();
    expect(state.keyedValues).toBe(1);
    expect(state.unkeyedValues).toBe(0);
    expect(state.junk).toEqual([]);
  });
});

describe('digestKey', () => {
  it('keys a hex digest by its first 13 hex digits, and any other text by hashKey', () => {
    const sha = digest('sha256', 'ann@fellside.co.uk');
    expect(digestKey(sha)).toBe(Number.parseInt(sha.slice(0, 13), 16));
    expect(digestKey('ffffffffffffff')).toBe(2 ** 52 - 1);
    // not lower-case hex from the start, or too short: hashed as text, never NaN
    for (const text of ['FFFFFFFFFFFFFF', 'ann@fellside.co.uk', 'abc', '0123456789abz0000']) expect(digestKey(text)).toBe(hashKey(text));
  });

  it('gives a plain email and the same email hashed elsewhere one key', () => {
    const plain = table('email', ['Ann@Fellside.co.uk']).toState();
    const hashed = table('hashed', [digest('sha256', 'ann@fellside.co.uk').toUpperCase()]).toState();
    const [key] = countsOf(hashed).keys();
    expect(variantsOf(plain).get(hashKey('ann@fellside.co.uk'))![0]).toBe(key);
  });
});
