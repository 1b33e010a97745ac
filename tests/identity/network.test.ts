import { describe, expect, it } from 'vitest';
import { looksLikeIp, looksLikeUrl } from '../../src/identity/network';
import { detect } from './_helpers';

const ip = detect(looksLikeIp);
const url = detect(looksLikeUrl);

describe('looksLikeIp', () => {
  it.each([
    '192.168.1.1',
    '0.0.0.0',
    '255.255.255.255',
    ' 10.0.0.42 ',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '2001:db8:85a3::8a2e:370:7334',
    '2001:DB8::1',
    '::1',
    '::',
    'fe80::',
    '::ffff:192.0.2.128',
  ])('accepts %j', (value) => {
    expect(ip(value)).toBe(true);
  });

  it.each([
    ['an octet over 255', '192.168.1.256'],
    ['three octets', '192.168.1'],
    ['five octets', '1.2.3.4.5'],
    ['two compressions', '2001:db8::1::2'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['seven groups without compression', '1:2:3:4:5:6:7'],
    ['a group of five hex digits', '2001:db8a1::1'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['a time', '12:30:45'],
    ['a zone id', 'fe80::1%eth0'],
    ['a trailing colon', '2001:db8::1:'],
    ['a version number', '1.2.3'],
  ])('rejects %s', (_, value) => {
    expect(ip(value)).toBe(false);
  });
});

describe('looksLikeUrl', () => {
  it.each(['https://example.com', 'http://example.com/path?q=1', 'HTTPS://EXAMPLE.COM', 'www.example.co.uk/pricing', ' https://[2001:db8::1]/ '])(
    'accepts %j',
    (value) => {
      expect(url(value)).toBe(true);
    },
  );

  it.each([
    ['no scheme or www', 'example.com'],
    ['a scheme with no host', 'https://'],
    ['a space inside', 'https://example.com/a b'],
    ['www. without a domain', 'www.example'],
    ['another scheme', 'ftp://example.com'],
  ])('rejects %s', (_, value) => {
    expect(url(value)).toBe(false);
  });
});
