import type { RemoteServerConfig } from '../config/mcp-server-config.js';

/** The upstream credential header for `auth_type` / `auth_value`, as LiteLLM sends it. */
export function authHeaders(config: Pick<RemoteServerConfig, 'auth_type' | 'auth_value'>): Record<string, string> {
  const value = config.auth_value;
  if (value === undefined || value === '') return {};
  switch (config.auth_type) {
    case 'api_key':
      return { 'X-API-Key': value };
    case 'bearer_token':
      return { Authorization: `Bearer ${value}` };
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(value, 'utf8').toString('base64')}` };
    case 'token':
      return { Authorization: `token ${value}` };
    case 'authorization':
      return { Authorization: value };
    case 'none':
      return {};
  }
}

/** Static headers plus the credential: what every request to this upstream carries. */
export function staticUpstreamHeaders(config: RemoteServerConfig): Record<string, string> {
  return { ...config.headers, ...authHeaders(config) };
}

/** Headers the transport owns; a client can never set them upstream. */
const transportHeaders = new Set([
  'host',
  'content-length',
  'content-type',
  'connection',
  'transfer-encoding',
  'accept',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
]);

type HeaderSource = Readonly<Record<string, string | readonly string[] | undefined>>;

function headerValue(headers: HeaderSource, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

/**
 * The client's headers forwarded to one upstream for one request: the names the config lists in `extra_headers`,
 * and LiteLLM's per-server convention `x-mcp-<server>-<header>: value` (sent upstream as `<header>`). The gateway's
 * own credentials (`authorization`, `x-litellm-api-key`) are forwarded only through the explicit convention, and
 * headers the transport owns (`host`, `mcp-session-id`, ...) never.
 */
export function forwardedClientHeaders(
  server: string,
  extraHeaders: readonly string[] | undefined,
  clientHeaders: HeaderSource | undefined,
): Record<string, string> {
  if (!clientHeaders) return {};
  const forwarded: Record<string, string> = {};
  const gatewayCredentials = new Set(['authorization', 'x-litellm-api-key', 'x-switchyard-api-key']);
  for (const name of extraHeaders ?? []) {
    const value = headerValue(clientHeaders, name);
    const lower = name.toLowerCase();
    if (value !== undefined && !gatewayCredentials.has(lower) && !transportHeaders.has(lower)) forwarded[name] = value;
  }
  const prefix = `x-mcp-${server.toLowerCase()}-`;
  for (const [key, value] of Object.entries(clientHeaders)) {
    const lower = key.toLowerCase();
    const upstreamName = lower.slice(prefix.length);
    if (!lower.startsWith(prefix) || upstreamName === '' || value === undefined || transportHeaders.has(upstreamName)) continue;
    forwarded[upstreamName] = typeof value === 'string' ? value : value.join(', ');
  }
  return forwarded;
}
