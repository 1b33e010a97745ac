import { describe, expect, it } from 'vitest';
import { checkHandle, looksLikeHandle, normaliseHandle } from '../../src/identity/handle';
import { detect } from './_helpers';

const looks = detect(looksLikeHandle);

describe('looksLikeHandle', () => {
  it.each([
    '@jane_doe',
    '@Jane.Doe',
    ' @jd ',
    'https://twitter.com/jane_doe',
    'https://x.com/JaneDoe',
    'instagram.com/jane.doe',
    'https://www.instagram.com/jane.doe/?hl=en',
    'https://www.tiktok.com/@jane.doe',
    'http://mobile.twitter.com/jane',
  ])('accepts %j', (value) => {
    expect(looks(value)).toBe(true);
  });

  it.each([
    ['a bare name', 'jane_doe'],
    ['an email', 'jane@example.org'],
    ['a bare @', '@'],
    ['a handle over 30 characters', `@${'a'.repeat(31)}`],
    ['a space inside', '@jane doe'],
    ['a platform page', 'https://twitter.com/explore'],
    ['a post URL', 'https://www.instagram.com/p/Cx1y2z3/extra'],
    ['another site', 'https://example.com/jane'],
  ])('rejects %s', (_, value) => {
    expect(looks(value)).toBe(false);
  });
});

describe('normaliseHandle', () => {
  it('lower-cases and strips the @ and profile URL prefixes', () => {
    expect(normaliseHandle(' @Jane_Doe ')).toBe('jane_doe');
    expect(normaliseHandle('https://Twitter.com/JaneDoe')).toBe('janedoe');
    expect(normaliseHandle('https://www.tiktok.com/@Jane.Doe?lang=en')).toBe('jane.doe');
    expect(normaliseHandle('instagram.com/jane.doe/')).toBe('jane.doe');
  });
});

describe('checkHandle', () => {
  it('passes a bare lower-case handle', () => {
    expect(checkHandle('jane_doe')).toEqual({ valid: true, normalisable: false, details: [] });
  });

  it('names the @ prefix, profile URL and mixed case', () => {
    expect(checkHandle('@jane')).toEqual({ valid: true, normalisable: true, details: ['atPrefix'] });
    expect(checkHandle('https://twitter.com/JaneDoe').details).toEqual(['profileUrl', 'mixedCase']);
    expect(checkHandle(' @Jane').details).toEqual(['atPrefix', 'mixedCase', 'padded']);
  });

  it('rejects text that cannot be a handle', () => {
    expect(checkHandle('Jane Doe').details).toEqual(['invalid']);
    expect(checkHandle('@').valid).toBe(false);
    expect(checkHandle('a'.repeat(31)).valid).toBe(false);
  });
});
