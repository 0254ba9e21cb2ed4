import { SwitchyardError } from '@switchyard/core';
import { Agent, request } from 'undici';
import { assertUrlAllowed, createCheckedLookup, defaultHostResolver, normalizedHost, type HostResolver, type UrlAccessPolicy } from './url-access-policy.js';

export interface PostJsonSafelyOptions extends UrlAccessPolicy {
  /** Time allowed for the whole request, answer included. */
  timeoutMs: number;
  headers?: Readonly<Record<string, string>> | undefined;
  resolveHost?: HostResolver | undefined;
}

/**
 * POSTs a JSON body to a configured http(s) URL (a webhook) under the same address policy as `fetchUrlSafely`:
 * non-public addresses are refused unless allowed, the socket connects only to checked addresses, redirects are
 * not followed. Resolves with the answer's status; throws a SwitchyardError (`url_not_allowed`, timeout, network)
 * whose message names the host, never the full URL (a webhook URL often holds a token).
 */
export async function postJsonSafely(url: string, body: unknown, options: PostJsonSafelyOptions): Promise<number> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new SwitchyardError('bad_request', 'The URL to post to is not a valid absolute URL.');
  }
  assertUrlAllowed(target, options);
  const host = normalizedHost(target);
  const lookup = createCheckedLookup(options, options.resolveHost ?? defaultHostResolver);
  const agent = new Agent({ connect: { lookup }, connections: 1, pipelining: 0 });
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await request(target, {
      method: 'POST',
      dispatcher: agent,
      signal,
      headers: { ...options.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    await response.body.dump({ limit: 64 * 1024 });
    return response.statusCode;
  } catch (error) {
    if (SwitchyardError.isInstance(error)) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (SwitchyardError.isInstance(cause)) throw cause;
    if (signal.aborted) throw new SwitchyardError('timeout', `Posting to ${host} took longer than ${options.timeoutMs} ms.`);
    const code = (error as { code?: string }).code ?? 'network error';
    throw new SwitchyardError('upstream_unavailable', `Could not post to ${host} (${code}).`);
  } finally {
    agent.destroy().catch(() => undefined);
  }
}
