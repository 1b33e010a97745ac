import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkHash, hashAlgorithmOf, looksLikeHash, normaliseHash } from '../../src/identity/hashed';
import { detect } from './_helpers';

const looks = detect(looksLikeHash);
const digest = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');
const md5 = digest('md5', 'jane.doe@example.org');
const sha1 = digest('sha1', 'jane.doe@example.org');
const sha256 = digest('sha256', 'jane.doe@example.org');

describe('looksLikeHash', () => {
  it('accepts MD5, SHA-1 and SHA-256 hex digests in either case', () => {
    for (const value of [md5, sha1, sha256, sha256.toUpperCase(), ` ${md5} `]) expect(looks(value)).toBe(true);
  });

  it('rejects hex of other lengths, non-hex letters, inner spaces and all-digit strings', () => {
    expect(looks(sha256.slice(0, 63))).toBe(false);
    expect(looks(`${md5.slice(0, 31)}g`)).toBe(false);
    expect(looks(`${md5.slice(0, 16)} ${md5.slice(16)}`)).toBe(false);
    expect(looks('1'.repeat(32))).toBe(false);
    expect(looks('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(false);
  });
});

describe('hashAlgorithmOf', () => {
  it('names the algorithm from the length', () => {
    expect(hashAlgorithmOf(md5)).toBe('md5');
    expect(hashAlgorithmOf(sha1.toUpperCase())).toBe('sha1');
    expect(hashAlgorithmOf(` ${sha256}\n`)).toBe('sha256');
  });

  it('returns null for other lengths and for non-hex text', () => {
    expect(hashAlgorithmOf('abc123')).toBeNull();
    expect(hashAlgorithmOf('z'.repeat(32))).toBeNull();
    expect(hashAlgorithmOf(digest('sha512', 'x'))).toBeNull();
  });
});

describe('normaliseHash', () => {
  it('trims and lower-cases', () => {
    expect(normaliseHash(`  ${sha256.toUpperCase()} `)).toBe(sha256);
  });
});

describe('checkHash', () => {
  it('passes a lower-case digest and names its algorithm', () => {
    expect(checkHash(md5)).toEqual({ valid: true, normalisable: false, details: ['md5'] });
    expect(checkHash(sha1)).toEqual({ valid: true, normalisable: false, details: ['sha1'] });
    expect(checkHash(sha256)).toEqual({ valid: true, normalisable: false, details: ['sha256'] });
  });

  it('flags upper-case hex and padding as normalisable', () => {
    expect(checkHash(` ${sha256.toUpperCase()}`)).toEqual({
      valid: true,
      normalisable: true,
      details: ['sha256', 'uppercaseHex', 'padded'],
    });
  });

  it('rejects the digest of an empty string, which stands for a missing value', () => {
    for (const algorithm of ['md5', 'sha1', 'sha256']) {
      const check = checkHash(digest(algorithm, '').toUpperCase());
      expect(check.valid).toBe(false);
      expect(check.details).toContain('emptyInput');
    }
  });

  it('rejects text that is not a digest', () => {
    expect(checkHash('jane.doe@example.org')).toEqual({ valid: false, normalisable: false, details: ['invalid'] });
  });
});
