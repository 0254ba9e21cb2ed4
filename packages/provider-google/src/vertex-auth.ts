import { SwitchyardError } from '@switchyard/core';
import { readBodyText, transportError, type HttpClient } from '@switchyard/provider-kit';
import type { VertexCredentials } from './vertex-credentials.js';
import { signServiceAccountJwt } from './vertex-jwt.js';

/** Supplies the OAuth2 bearer token for Vertex AI requests. */
export interface VertexTokenSource {
  token(signal: AbortSignal | undefined): Promise<string>;
  /** The values that must never appear in errors (keys, refresh tokens, the current token). */
  secrets(): string[];
}

/** A token given in the settings, used as is. */
export function staticTokenSource(token: string): VertexTokenSource {
  return { token: () => Promise.resolve(token), secrets: () => [token] };
}

export interface CredentialsTokenSourceOptions {
  http: HttpClient;
  /** The clock, in milliseconds (tests move it to expire a token). */
  now?: () => number;
  timeoutMs?: number;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

function authenticationError(message: string, cause?: unknown): SwitchyardError {
  return new SwitchyardError('authentication', `Vertex AI authentication failed: ${message}`, { provider: 'vertex_ai', cause });
}

function grantBody(credentials: VertexCredentials, nowMs: number): string {
  if (credentials.type === 'service_account') {
    const assertion = signServiceAccountJwt(credentials, Math.floor(nowMs / 1000));
    return new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString();
  }
  return new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  }).toString();
}

/** Reads `{error, error_description}` from a token endpoint's error body; never echoes anything else. */
function describeTokenError(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [body.error, body.error_description].filter((part): part is string => typeof part === 'string');
    if (parts.length > 0) return `the token endpoint answered HTTP ${status} (${parts.join(': ').slice(0, 200)})`;
  } catch {
    // not JSON
  }
  return `the token endpoint answered HTTP ${status}`;
}

/**
 * Exchanges service-account or authorized-user credentials for an access token and caches it until shortly
 * before it expires (five minutes, or half its life when that is shorter). Concurrent callers share one exchange.
 */
export class CredentialsTokenSource implements VertexTokenSource {
  readonly #credentials: VertexCredentials;
  readonly #options: CredentialsTokenSourceOptions;
  #cached: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;

  constructor(credentials: VertexCredentials, options: CredentialsTokenSourceOptions) {
    this.#credentials = credentials;
    this.#options = options;
  }

  async token(signal: AbortSignal | undefined): Promise<string> {
    const now = this.#now();
    if (this.#cached && now < this.#cached.refreshAt) return this.#cached.value;
    this.#pending ??= this.#exchange(signal).finally(() => {
      this.#pending = undefined;
    });
    this.#cached = await this.#pending;
    return this.#cached.value;
  }

  secrets(): string[] {
    const credentials = this.#credentials;
    const keys = credentials.type === 'service_account' ? [credentials.privateKey] : [credentials.clientSecret, credentials.refreshToken];
    return this.#cached ? [...keys, this.#cached.value] : keys;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  async #exchange(signal: AbortSignal | undefined): Promise<CachedToken> {
    const startedAt = this.#now();
    let response;
    try {
      response = await this.#options.http.send({
        url: this.#credentials.tokenUri,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: grantBody(this.#credentials, startedAt),
        ...(signal ? { signal } : {}),
        timeoutMs: this.#options.timeoutMs ?? 30_000,
      });
    } catch (error) {
      if (SwitchyardError.isInstance(error)) throw error;
      throw transportError(error, 'vertex_ai');
    }
    const text = await readBodyText(response.body).catch(() => '');
    if (response.status !== 200) throw authenticationError(describeTokenError(response.status, text));
    return this.#parseToken(text, startedAt);
  }

  #parseToken(text: string, startedAt: number): CachedToken {
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw authenticationError('the token endpoint answered with a body that is not JSON');
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw authenticationError('the token endpoint answered without an access_token');
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    const margin = Math.min(300_000, lifetimeMs / 2);
    return { value: body.access_token, refreshAt: startedAt + lifetimeMs - margin };
  }
}
