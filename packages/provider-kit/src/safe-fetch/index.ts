export * from './data-url.js';
export * from './fetch-url-safely.js';
export { postJsonSafely, type PostJsonSafelyOptions } from './post-json-safely.js';
export { classifyAddress, type AddressCategory } from './ip-address-policy.js';
export type { HostResolver, ResolvedAddress, UrlAccessPolicy } from './url-access-policy.js';
