import { describe, expect, it } from 'vitest';
import { ISO_3166_COUNT } from '../../src/identity/_countries';
import { looksLikeCountry } from '../../src/identity/country';
import { detect } from './_helpers';

const looks = detect(looksLikeCountry);

describe('looksLikeCountry', () => {
  it('knows all 249 ISO 3166-1 entries', () => {
    expect(ISO_3166_COUNT).toBe(249);
  });

  it.each(['GB', 'gb', 'US', 'DEU', 'fra', 'United States', 'UNITED KINGDOM', 'Germany', 'USA', 'UK', 'U.S.', 'Deutschland', 'España', 'Espana', "Côte d'Ivoire", 'Cote dIvoire', 'Korea, Republic of', ' France '])(
    'accepts %j',
    (value) => {
      expect(looks(value)).toBe(true);
    },
  );

  it.each(['XX', 'Atlantis', 'United', 'G B', 'GB1', 'london', ''])('rejects %j', (value) => {
    expect(looks(value)).toBe(false);
  });
});
