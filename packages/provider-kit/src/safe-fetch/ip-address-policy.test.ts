import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIPv6 } from './ip-address-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
    ['2001:db8::1', 'reserved'],
  ] as const)('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450::1'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBe('public');
    },
  );

  it('is undefined for text that is not an IP address', () => {
    expect(classifyAddress('localhost')).toBeUndefined();
    expect(classifyAddress('127.0.0.256')).toBeUndefined();
    expect(classifyAddress('1::2::3')).toBeUndefined();
  });

  it('classifies an IPv4-mapped IPv6 address exactly as the IPv4 address it maps', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(classifyAddress(`::ffff:${address}`)).toBe(classifyAddress(address));
      }),
    );
  });

  it('parses every IPv6 form to the same bytes as its expanded form', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const bytes = parseIPv6(address);
        expect(bytes).toBeDefined();
        const expanded = Array.from({ length: 8 }, (_, group) =>
          (((bytes?.[group * 2] ?? 0) << 8) | (bytes?.[group * 2 + 1] ?? 0)).toString(16),
        ).join(':');
        expect(parseIPv6(expanded)).toEqual(bytes);
      }),
    );
  });
});
