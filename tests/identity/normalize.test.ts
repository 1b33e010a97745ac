import { describe, expect, it } from 'vitest';
import { describeNormaliser } from '../../src/identity/normalize';

describe('describeNormaliser', () => {
  it('names the recipe of each kind', () => {
    expect(describeNormaliser('email')).toBe('lower(trim(email))');
    expect(describeNormaliser('email', { providerRules: true })).toBe('gmail_canonical(lower(trim(email)))');
    expect(describeNormaliser('phone', { region: 'US' })).toBe('e164(phone, region=US)');
    expect(describeNormaliser('phone')).toBe('e164(phone)');
    expect(describeNormaliser('hashed')).toBe('lower(trim(hashed))');
    expect(describeNormaliser('identifier')).toBe('strip_leading_zeros(strip_float_suffix(upper(trim(identifier))))');
    expect(describeNormaliser('country')).toBe('trim(country)');
  });

  it('names the column when given', () => {
    expect(describeNormaliser('phone', { column: 'mobile', region: 'GB' })).toBe('e164(mobile, region=GB)');
    expect(describeNormaliser('handle', { column: 'twitter' })).toBe('strip_profile_url(strip_at(lower(trim(twitter))))');
  });
});
