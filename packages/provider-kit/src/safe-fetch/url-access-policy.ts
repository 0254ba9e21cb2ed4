import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { SwitchyardError } from '@switchyard/core';
import { classifyAddress } from './ip-address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (dns.lookup with `all` by default). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface UrlAccessPolicy {
  /** Allow loopback, private, link-local and other non-public addresses for every host. */
  allowPrivate?: boolean | undefined;
  /** When given, only these hosts may be fetched ("example.com", or "*.example.com" for its subdomains). */
  allowedHosts?: readonly string[] | undefined;
  /** Hosts that may resolve to non-public addresses even without `allowPrivate` (an internal image server). */
  allowPrivateHosts?: readonly string[] | undefined;
}

export const defaultHostResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The URL's host as the policy compares it: lower-case, without IPv6 brackets or a trailing dot. */
export function normalizedHost(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
}

function refused(message: string): SwitchyardError {
  return new SwitchyardError('bad_request', message, { code: 'url_not_allowed' });
}

/** Checks what can be checked before connecting: the scheme, the host list, and a literal IP host. */
export function assertUrlAllowed(url: URL, policy: UrlAccessPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused(`Only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username !== '' || url.password !== '') throw refused('URLs with credentials are not fetched.');
  const host = normalizedHost(url);
  if (policy.allowedHosts && !hostMatches(host, policy.allowedHosts)) {
    throw refused(`The host ${host} is not in the list of hosts that may be fetched.`);
  }
  if (classifyAddress(host) !== undefined) assertAddressAllowed(host, host, policy);
}

/** Throws when `address` (which `host` resolved to) is not a public address and the policy does not allow it. */
export function assertAddressAllowed(host: string, address: string, policy: UrlAccessPolicy): void {
  const category = classifyAddress(address);
  if (category === undefined) throw refused(`The host ${host} resolved to something that is not an IP address.`);
  if (category === 'public' || policy.allowPrivate) return;
  if (policy.allowPrivateHosts && hostMatches(host, policy.allowPrivateHosts)) return;
  const where = host === address ? `The address ${address}` : `The host ${host} resolves to ${address}, which`;
  throw refused(`${where} is a ${category} address; only public addresses may be fetched.`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | ResolvedAddress[], family?: number) => void;

function familyOf(option: number | string | undefined): 0 | 4 | 6 {
  if (option === 4 || option === 'IPv4') return 4;
  return option === 6 || option === 'IPv6' ? 6 : 0;
}

function checkedAddresses(host: string, resolved: readonly ResolvedAddress[], family: 0 | 4 | 6, policy: UrlAccessPolicy) {
  if (resolved.length === 0) throw refused(`The host ${host} has no address.`);
  for (const entry of resolved) assertAddressAllowed(host, entry.address, policy);
  const wanted = resolved.filter((entry) => family === 0 || entry.family === family);
  if (wanted.length === 0) throw refused(`The host ${host} has no IPv${family} address.`);
  return wanted.map((entry) => ({ address: entry.address, family: entry.family }));
}

/**
 * A `lookup` for the socket connect: it resolves, checks every address and hands the socket only the addresses
 * it checked, so a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
export function createCheckedLookup(policy: UrlAccessPolicy, resolver: HostResolver): LookupFunction {
  const lookup = (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    resolver(hostname)
      .then((resolved) => checkedAddresses(host, resolved, familyOf(options.family), policy))
      .then(
        (addresses) => {
          const [first] = addresses;
          if (options.all) callback(null, addresses);
          else callback(null, first?.address ?? '', first?.family ?? 4);
        },
        (error: NodeJS.ErrnoException) => callback(error, ''),
      );
  };
  return lookup as unknown as LookupFunction;
}
