import { isIPv4, isIPv6 } from 'node:net';

/** What an IP address is, as far as fetching a user-supplied URL is concerned. */
export type AddressCategory =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'carrier-grade-nat'
  | 'multicast'
  | 'reserved';

type Range = readonly [prefix: number, bits: number, category: AddressCategory];

const ipv4Ranges: readonly Range[] = [
  [ipv4(0, 0, 0, 0), 8, 'unspecified'],
  [ipv4(10, 0, 0, 0), 8, 'private'],
  [ipv4(100, 64, 0, 0), 10, 'carrier-grade-nat'],
  [ipv4(127, 0, 0, 0), 8, 'loopback'],
  [ipv4(169, 254, 0, 0), 16, 'link-local'],
  [ipv4(172, 16, 0, 0), 12, 'private'],
  [ipv4(192, 0, 0, 0), 24, 'reserved'],
  [ipv4(192, 0, 2, 0), 24, 'reserved'],
  [ipv4(192, 88, 99, 0), 24, 'reserved'],
  [ipv4(192, 168, 0, 0), 16, 'private'],
  [ipv4(198, 18, 0, 0), 15, 'reserved'],
  [ipv4(198, 51, 100, 0), 24, 'reserved'],
  [ipv4(203, 0, 113, 0), 24, 'reserved'],
  [ipv4(224, 0, 0, 0), 4, 'multicast'],
  [ipv4(240, 0, 0, 0), 4, 'reserved'],
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function categoryOfIPv4Number(value: number): AddressCategory {
  for (const [prefix, bits, category] of ipv4Ranges) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((value & mask) >>> 0) === prefix) return category;
  }
  return 'public';
}

function parseIPv4(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number);
  return ipv4(a, b, c, d);
}

/** Parses an IPv6 address (optionally with a zone, optionally ending in dotted IPv4) into 16 bytes. */
export function parseIPv6(input: string): Uint8Array | undefined {
  const zone = input.indexOf('%');
  let text = zone === -1 ? input : input.slice(0, zone);
  if (!isIPv6(text)) return undefined;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const value = parseIPv4(tail);
    if (value === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [headText = '', tailText] = text.split('::');
  const head = headText === '' ? [] : headText.split(':');
  const rest = tailText === undefined || tailText === '' ? [] : tailText.split(':');
  const groups = tailText === undefined ? head : [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  if (groups.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const index = bit / 8;
    const width = Math.min(8, bits - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function embeddedIPv4(bytes: Uint8Array, offset: number): number {
  return ipv4(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}

function categoryOfIPv6Bytes(bytes: Uint8Array): AddressCategory {
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96)) return categoryOfIPv4Number(embeddedIPv4(bytes, 12));
  if (startsWith(bytes, [], 96)) {
    const last = embeddedIPv4(bytes, 12);
    if (last === 0) return 'unspecified';
    return last === 1 ? 'loopback' : 'reserved';
  }
  // NAT64 and 6to4 carry an IPv4 address that the packet ends up at.
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b], 96)) return categoryOfIPv4Number(embeddedIPv4(bytes, 12));
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 1], 48)) return 'private';
  if (startsWith(bytes, [0x20, 0x02], 16)) return categoryOfIPv4Number(embeddedIPv4(bytes, 2));
  if (startsWith(bytes, [0x01, 0x00], 64)) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8], 32)) return 'reserved';
  if (startsWith(bytes, [0xfc], 7)) return 'unique-local';
  if (startsWith(bytes, [0xfe, 0x80], 10)) return 'link-local';
  if (startsWith(bytes, [0xfe, 0xc0], 10)) return 'private';
  if (startsWith(bytes, [0xff], 8)) return 'multicast';
  return 'public';
}

/** Classifies an IPv4 or IPv6 address; undefined when the text is not an IP address. */
export function classifyAddress(address: string): AddressCategory | undefined {
  const v4 = parseIPv4(address);
  if (v4 !== undefined) return categoryOfIPv4Number(v4);
  const v6 = parseIPv6(address);
  return v6 === undefined ? undefined : categoryOfIPv6Bytes(v6);
}
