import { SwitchyardError } from '@switchyard/core';
import { Agent, request, type Dispatcher } from 'undici';
import { headerValue } from '../response-headers.js';
import {
  assertUrlAllowed,
  createCheckedLookup,
  defaultHostResolver,
  normalizedHost,
  type HostResolver,
  type UrlAccessPolicy,
} from './url-access-policy.js';

export interface FetchUrlSafelyOptions extends UrlAccessPolicy {
  /** The largest body accepted; a longer one fails with bad_request. */
  maxBytes: number;
  /** Time allowed for the whole fetch, redirects and body included. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** How host names are resolved (defaults to dns.lookup with every address). */
  resolveHost?: HostResolver | undefined;
}

export interface FetchedUrl {
  bytes: Buffer;
  contentType: string | undefined;
}

const maxRedirects = 3;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function parseUrl(url: string | URL, base?: URL): URL {
  try {
    return new URL(url, base);
  } catch {
    throw new SwitchyardError('bad_request', 'The URL to fetch is not a valid absolute URL.');
  }
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, host: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) throw tooLarge(host, maxBytes);
    parts.push(buffer);
  }
  return Buffer.concat(parts, size);
}

function tooLarge(host: string, maxBytes: number): SwitchyardError {
  return new SwitchyardError('bad_request', `The content at ${host} is larger than the ${maxBytes}-byte limit.`, {
    code: 'url_content_too_large',
  });
}

function describeFailure(error: unknown, host: string, timedOut: boolean, timeoutMs: number): SwitchyardError {
  if (timedOut) return new SwitchyardError('timeout', `Fetching from ${host} took longer than ${timeoutMs} ms.`, { cause: error });
  if (SwitchyardError.isInstance(error)) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (SwitchyardError.isInstance(cause)) return cause;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'AbortError') return new SwitchyardError('timeout', `Fetching from ${host} was aborted.`, { cause: error });
  const code = (error as { code?: string } | undefined)?.code ?? 'network error';
  return new SwitchyardError('bad_request', `Could not fetch from ${host} (${code}).`, { cause: error });
}

/**
 * Fetches a user-supplied http(s) URL without letting it reach the gateway's own network: every host is resolved
 * and every address checked (loopback, private, link-local, unique-local, CGNAT, multicast, reserved are refused
 * unless allowed), the socket connects only to the checked addresses, at most three redirects are followed with
 * each hop checked again, and the body is capped in size and time.
 */
export async function fetchUrlSafely(url: string | URL, options: FetchUrlSafelyOptions): Promise<FetchedUrl> {
  if (!(options.maxBytes > 0) || !(options.timeoutMs > 0)) {
    throw new SwitchyardError('internal', 'fetchUrlSafely needs a positive maxBytes and timeoutMs.');
  }
  let current = parseUrl(url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const lookup = createCheckedLookup(options, options.resolveHost ?? defaultHostResolver);
  const agent = new Agent({ connect: { lookup }, connections: 1, pipelining: 0 });
  try {
    for (let hop = 0; ; hop++) {
      assertUrlAllowed(current, options);
      const response = await request(current, {
        method: 'GET',
        dispatcher: agent,
        signal: controller.signal,
        headers: { accept: '*/*' },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const host = normalizedHost(current);
      if (redirectStatuses.has(response.statusCode)) {
        await response.body.dump({ limit: 64 * 1024 });
        const location = headerValue(response.headers, 'location');
        if (!location) throw new SwitchyardError('bad_request', `${host} answered a redirect without a location.`);
        if (hop >= maxRedirects) throw new SwitchyardError('bad_request', `Fetching stopped after ${maxRedirects} redirects.`);
        current = parseUrl(location, current);
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump({ limit: 64 * 1024 });
        throw new SwitchyardError('bad_request', `${host} answered HTTP ${response.statusCode}.`);
      }
      const declaredLength = Number(headerValue(response.headers, 'content-length'));
      if (Number.isFinite(declaredLength) && declaredLength > options.maxBytes) throw tooLarge(host, options.maxBytes);
      const bytes = await readCapped(response.body, options.maxBytes, host);
      return { bytes, contentType: headerValue(response.headers, 'content-type') };
    }
  } catch (error) {
    throw describeFailure(error, normalizedHost(current), timedOut, options.timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    agent.destroy().catch(() => undefined);
  }
}
