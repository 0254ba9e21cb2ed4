export type ForwardRoute = 'json-rpc' | 'agent-card' | 'unknown';

export interface ForwardPath {
  agent: string;
  route: ForwardRoute;
}

const cardPaths = new Set(['/.well-known/agent-card.json', '/.well-known/agent.json']);

/**
 * Reads `<mountPath>/{agent}/…` from a request URL: the JSON-RPC endpoint is the agent's root (with or without
 * the trailing slash), the card is at `.well-known/agent-card.json` (or the pre-0.3 `agent.json`).
 * Undefined when the URL is not below the mount path or names no agent.
 */
export function parseForwardPath(requestUrl: string, mountPath: string): ForwardPath | undefined {
  const path = requestUrl.split(/[?#]/, 1)[0] ?? '';
  const prefix = `${mountPath.replace(/\/+$/, '')}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  const encoded = slash === -1 ? rest : rest.slice(0, slash);
  const below = slash === -1 ? '' : rest.slice(slash);
  let agent: string;
  try {
    agent = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (agent === '') return undefined;
  if (below === '' || below === '/') return { agent, route: 'json-rpc' };
  return { agent, route: cardPaths.has(below) ? 'agent-card' : 'unknown' };
}
