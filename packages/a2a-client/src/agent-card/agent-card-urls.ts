/** Where the A2A 1.0 (and 0.3) spec puts the card, and where agents before 0.3 put it. */
export const agentCardPath = '.well-known/agent-card.json';
export const legacyAgentCardPath = '.well-known/agent.json';

/**
 * The URLs to try for an agent's card, in order: a configured `….json` URL is the card itself; a base URL gets
 * the well-known path, then the pre-0.3 `agent.json`.
 */
export function agentCardUrls(agentUrl: string): string[] {
  const url = new URL(agentUrl);
  if (url.pathname.endsWith('.json')) return [url.toString()];
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return [new URL(agentCardPath, url).toString(), new URL(legacyAgentCardPath, url).toString()];
}
