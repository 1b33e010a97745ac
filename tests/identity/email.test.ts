import { describe, expect, it } from 'vitest';
import { checkEmail, looksLikeEmail, normaliseEmail } from '../../src/identity/email';
import { detect } from './_helpers';

const looks = detect(looksLikeEmail);

describe('looksLikeEmail', () => {
  it.each([
    'jane.doe@example.org',
    ' Jane.Doe@Gmail.COM ',
    'jane+news@outlook.com',
    'josé@exämple.de',
    'jane@example.', // an attempt: the checker says it is invalid
    'jane..doe@acme.co.uk',
  ])('accepts %j as an attempt at an email', (value) => {
    expect(looks(value)).toBe(true);
  });

  it.each([
    ['no @', 'jane.example.org'],
    ['nothing before the @', '@example.org'],
    ['no dot after the @', 'jane@localhost'],
    ['a dot right after the @', 'jane@.org'],
    ['two addresses', 'jane@example.org, joe@example.org'],
    ['a space inside', 'jane doe@example.org'],
    ['a profile URL', 'https://medium.com/@jane.doe'],
    ['a handle', '@jane'],
    ['empty', ''],
  ])('rejects %s', (_, value) => {
    expect(looks(value)).toBe(false);
  });
});

describe('checkEmail', () => {
  it('passes a clean lower-case address as valid and already normal', () => {
    expect(checkEmail('jane.doe@acme.co.uk')).toEqual({ valid: true, normalisable: false, details: [] });
  });

  it('flags mixed case and padding as normalisable', () => {
    expect(checkEmail('  Jane.Doe@Acme.com ')).toEqual({
      valid: true,
      normalisable: true,
      details: ['mixedCase', 'padded'],
    });
  });

  it('names Gmail dots and +tags as provider variants, and +tags anywhere as plusTag', () => {
    expect(checkEmail('jane.doe+news@gmail.com').details).toEqual(['providerVariant', 'plusTag']);
    expect(checkEmail('janedoe@googlemail.com').details).toEqual(['providerVariant']);
    expect(checkEmail('jane+crm@outlook.com').details).toEqual(['plusTag']);
    expect(checkEmail('janedoe@gmail.com').details).toEqual([]);
  });

  it('accepts internationalised addresses and says so', () => {
    expect(checkEmail('josé.garcía@correo.es')).toEqual({ valid: true, normalisable: false, details: ['nonAscii'] });
    expect(checkEmail('JÜRGEN@müller.de')).toMatchObject({ valid: true, normalisable: true });
  });

  it.each([
    'jane doe@acme.com',
    'jane@@acme.com',
    'jane@acme',
    '.jane@acme.com',
    'jane.@acme.com',
    'jane..doe@acme.com',
    'jane@acme.c',
    'jane@-acme.com',
    'jane@acme.com.',
    'jane@acme.123',
    '"jane"@acme.com',
    'jane😀@acme.com',
    '',
  ])('rejects %j as invalid syntax', (value) => {
    expect(checkEmail(value)).toEqual({ valid: false, normalisable: false, details: ['invalidSyntax'] });
  });

  it.each(['test@test.com', 'noemail@acme.com', 'no-reply@acme.com', 'DoNotReply@acme.com', 'jane@example.com', 'x@mail.test'])(
    'rejects the placeholder %j as junk',
    (value) => {
      expect(checkEmail(value)).toEqual({ valid: false, normalisable: false, details: ['junk'] });
    },
  );

  it('returns the same frozen object for the same outcome', () => {
    const a = checkEmail('Jane@Acme.com');
    expect(checkEmail('Joe@Acme.org')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.details)).toBe(true);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Jane.Doe+News@GMail.com \t')).toBe('jane.doe+news@gmail.com');
  });

  it('applies Gmail rules only when asked', () => {
    expect(normaliseEmail('Jane.Doe+news@googlemail.com', { providerRules: true })).toBe('janedoe@gmail.com');
    expect(normaliseEmail('Jane.Doe+news@googlemail.com')).toBe('jane.doe+news@googlemail.com');
  });

  it('leaves other providers alone under provider rules', () => {
    expect(normaliseEmail('jane.doe+crm@outlook.com', { providerRules: true })).toBe('jane.doe+crm@outlook.com');
  });

  it('accepts any text', () => {
    expect(normaliseEmail(' NOT AN EMAIL ', { providerRules: true })).toBe('not an email');
  });
});
