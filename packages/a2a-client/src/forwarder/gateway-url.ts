import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The URL callers reach an agent at through the gateway, `<origin><mountPath>/<agent>/`. The origin is the
 * configured public URL, else the request's own scheme and Host (forwarded-for headers are not trusted).
 */
export function gatewayAgentUrl(req: IncomingMessage, publicUrl: string | undefined, mountPath: string, agent: string): string {
  const origin = publicUrl ?? `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  return `${origin.replace(/\/+$/, '')}${mountPath.replace(/\/+$/, '')}/${encodeURIComponent(agent)}/`;
}
