import { describe, expect, it } from 'vitest';
import { checkUuid, looksLikeUuid, normaliseUuid } from '../../src/identity/uuid';
import { detect } from './_helpers';

const looks = detect(looksLikeUuid);
const UUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

describe('looksLikeUuid', () => {
  it('accepts 8-4-4-4-12 hex in any case, braced or padded', () => {
    for (const value of [UUID, UUID.toUpperCase(), `{${UUID}}`, ` ${UUID} `]) expect(looks(value)).toBe(true);
  });

  it('reads 32 hex digits without dashes as a digest, not a UUID', () => {
    expect(looks(UUID.replaceAll('-', ''))).toBe(false);
  });

  it('rejects misplaced dashes and non-hex letters', () => {
    expect(looks('3f2504e04-f89-11d3-9a0c-0305e82c3301')).toBe(false);
    expect(looks('3f2504e0-4f89-11d3-9a0c-0305e82c330g')).toBe(false);
  });
});

describe('normaliseUuid', () => {
  it('writes the canonical lower-case dashed form', () => {
    expect(normaliseUuid(`{${UUID.toUpperCase()}}`)).toBe(UUID);
    expect(normaliseUuid(UUID.replaceAll('-', '').toUpperCase())).toBe(UUID);
    expect(normaliseUuid(` ${UUID} `)).toBe(UUID);
  });
});

describe('checkUuid', () => {
  it('passes a canonical UUID', () => {
    expect(checkUuid(UUID)).toEqual({ valid: true, normalisable: false, details: [] });
  });

  it('flags upper case, missing dashes, braces and padding', () => {
    expect(checkUuid(UUID.toUpperCase()).details).toEqual(['uppercase']);
    expect(checkUuid(UUID.replaceAll('-', '')).details).toEqual(['noDashes']);
    expect(checkUuid(` {${UUID}}`)).toEqual({ valid: true, normalisable: true, details: ['braces', 'padded'] });
  });

  it('rejects the nil UUID and non-UUIDs', () => {
    expect(checkUuid('00000000-0000-0000-0000-000000000000').valid).toBe(false);
    expect(checkUuid('not-a-uuid').details).toEqual(['invalid']);
  });
});
