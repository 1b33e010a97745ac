import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../src/identity/key-canon';
import { isPlaceholderText, junkReason } from '../../src/identity/junk';
import type { KeyKind } from '../../src/identity/key-kind';

const digest = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');
/** junkReason on the canonical key of a raw value, as the key table calls it. */
const reason = (kind: KeyKind, raw: string): string | null => {
  const canonical = canonicalKey(kind, raw, 'GB');
  if (canonical === null) throw new Error(`no key for ${raw}`);
  return junkReason(kind, canonical);
};

describe('junkReason: placeholders', () => {
  it('finds placeholder emails by local part and by domain, in any case', () => {
    for (const raw of ['test@test.com', 'noemail@anydomain.co.uk', ' NoEmail@AnyDomain.co.uk ', 'no-reply@fellside.co.uk', 'unknown@fellside.co.uk', 'jane@example.com', 'aaa@gmail.com', 'ann@mailinator.com']) {
      expect(reason('email', raw), raw).toBe('placeholder_email');
    }
    expect(reason('email', 'unknown')).toBe('placeholder_word');
  });

  it('finds repeated digits and digit runs in phones', () => {
    expect(reason('phone', '+440000000000')).toBe('repeated_digits');
    expect(reason('phone', '0000000000')).toBe('repeated_digits');
    expect(reason('phone', '07777 777777')).toBe('repeated_digits');
    expect(reason('phone', '+441234567890')).toBe('digit_sequence');
  });

  it('finds placeholder words and digit runs in identifiers', () => {
    expect(reason('identifier', '123456789')).toBe('digit_sequence');
    expect(reason('identifier', '1234567890')).toBe('digit_sequence');
    expect(reason('identifier', '0000000000')).toBe('placeholder_word'); // canonical '0'
    expect(reason('identifier', '999999')).toBe('repeated_digits');
    for (const raw of ['unknown', 'UNKNOWN', 'n/a', 'N/A', 'none', 'null', 'TBD', '-1', 'guest']) expect(reason('identifier', raw), raw).toBe('placeholder_word');
    expect(reason('value', 'n/a')).toBe('placeholder_word');
    expect(reason('handle', '@unknown')).toBe('placeholder_word');
  });

  it('takes 0 and -1 for none in an identifier, and for values in a column of plain values (counts)', () => {
    expect(reason('identifier', '0')).toBe('placeholder_word');
    for (const raw of ['0', '-1']) expect(reason('value', raw), raw).toBeNull();
    expect(isPlaceholderText('0')).toBe(false);
    expect(isPlaceholderText('UNKNOWN')).toBe(true);
  });

  it('finds digests of the empty string and of placeholder emails, in every algorithm and case', () => {
    for (const algorithm of ['sha256', 'md5', 'sha1']) {
      expect(reason('hashed', digest(algorithm, '')), algorithm).toBe('hash_of_placeholder');
      expect(reason('hashed', digest(algorithm, 'test@test.com')), algorithm).toBe('hash_of_placeholder');
      expect(reason('hashed', digest(algorithm, 'test@test.com').toUpperCase()), algorithm).toBe('hash_of_placeholder');
    }
  });

  it('finds the nil UUID and the all-f UUID', () => {
    expect(reason('uuid', '00000000-0000-0000-0000-000000000000')).toBe('nil_uuid');
    expect(reason('uuid', '{00000000-0000-0000-0000-000000000000}')).toBe('nil_uuid');
    expect(reason('uuid', '00000000000000000000000000000000')).toBe('nil_uuid');
    expect(reason('uuid', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toBe('nil_uuid');
  });
});

describe('junkReason: real identifiers are not junk', () => {
  it('keeps ordinary emails, including ones that merely contain a placeholder word', () => {
    for (const raw of ['ann.smith@fellside.co.uk', 'jo@gmail.com', 'ab@gmail.com', 'testa@gmail.com', 'tess@test-kitchen.co.uk', 'bob@contest.com', 'anna@na.com', 'info@fellside.co.uk', 'ann.smith@example.co.uk', 'john.smith+news@googlemail.com']) {
      expect(reason('email', raw), raw).toBeNull();
    }
  });

  it('keeps real-looking phones', () => {
    for (const raw of ['07700 900123', '+447911123456', '+14155552671', '+12025550123', '+447700900000', '+4915112345678', '020 7946 0018']) {
      expect(reason('phone', raw), raw).toBeNull();
    }
  });

  it('keeps ordinary ids, short numbers and ordinary hashes and UUIDs', () => {
    for (const raw of ['42', '1', '12345', '11111', '100001', '98765432', 'C-10042', 'CUST-000123', '8f14e45f']) expect(reason('identifier', raw), raw).toBeNull();
    expect(reason('hashed', digest('sha256', 'ann@fellside.co.uk'))).toBeNull();
    expect(reason('hashed', digest('md5', 'ann@fellside.co.uk'))).toBeNull();
    expect(reason('uuid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBeNull();
    expect(reason('uuid', 'ffffffff-0000-0000-0000-000000000000')).toBeNull();
    expect(reason('handle', '@annsmith')).toBeNull();
    expect(reason('ga_client_id', 'GA1.2.1234567890.1600000000')).toBeNull();
  });

  // The "at most a 3-digit country code" skip of junkDigits is for phones only: round sequential
  // ids (1000000, 2000000, 10000000) are real ids.
  it('keeps round sequential ids such as 1000000', () => {
    for (const raw of ['1000000', '2000000', '10000000']) expect(reason('identifier', raw), raw).toBeNull();
  });
});

describe('junkReason: the character loops agree with the rules they stand for', () => {
  // The rules as first written, with regular expressions; the code now loops over characters instead.
  // Every junk local and domain the generated letters can spell (and two more), as in junk.ts.
  const LOCALS = new Set(['test', 'a', 'x', 'xx', 'xxx', 'noemail', 'do-not-reply']);
  const DOMAINS = new Set(['test.com', 'test.test', 'x.com', 'xx.com', 'xxx.com', 'mailinator.com']);
  const regexEmail = (email: string): boolean => {
    const at = email.lastIndexOf('@');
    const local = email.slice(0, at);
    return LOCALS.has(local) || DOMAINS.has(email.slice(at + 1)) || (/^(.)\1*$/.test(local) && local.length >= 3);
  };
  const regexDigits = (digits: string, prefix: number): boolean => {
    for (let k = 0; k <= prefix && digits.length - k >= 6; k++) if (/^(\d)\1+$/.test(digits.slice(k))) return true;
    return false;
  };

  it('finds the same placeholder emails', () => {
    const part = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 14 }).map((c) => c.join(''));
    const email = fc.oneof(
      fc.tuple(part(['a', 'x', 'e', 's', 't']), part(['t', 'e', 's', '.', 'c', 'o', 'm', 'x'])).map(([l, d]) => `${l}@${d}`),
      fc.tuple(fc.constantFrom(...LOCALS), fc.constantFrom('fellside.co.uk', ...DOMAINS)).map(([l, d]) => `${l}@${d}`),
    );
    fc.assert(
      fc.property(email, (e) => {
        expect(junkReason('email', e) === 'placeholder_email').toBe(regexEmail(e));
      }),
    );
  });

  it('finds the same repeated-digit phones', () => {
    const digits = fc.array(fc.constantFrom('0', '1', '4', '7'), { minLength: 1, maxLength: 15 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, (d) => {
        expect(junkReason('phone', `+${d}`) === 'repeated_digits').toBe(regexDigits(d, 3));
      }),
    );
  });
});
