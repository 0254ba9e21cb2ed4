import { A2A_PROTOCOL_VERSION, type AgentCard } from '@a2a-js/sdk';
import { DefaultAgentCardResolver } from '@a2a-js/sdk/client';
import { httpClientOf, resolveAgentTarget, type A2aAgentTarget, type AgentConnectionOptions } from '../client/agent-target.js';
import { fetchAgentCard } from './fetch-agent-card.js';
import { absolutiseCardUrls } from './map-card-interfaces.js';

export interface DiscoverAgentCardOptions extends AgentConnectionOptions {
  signal?: AbortSignal;
}

const resolver = new DefaultAgentCardResolver({ legacyCompat: { enabled: true } });

/**
 * Fetches an agent's card (`.well-known/agent-card.json`, then the pre-0.3 `agent.json`) asking for A2A 1.0,
 * and returns it in the SDK's 1.0 shape. A 0.3 card is translated by the SDK's compat layer, its interfaces
 * stamped `protocolVersion: "0.3"` so a client built from it speaks 0.3 (`message/send`, `kind` fields).
 */
export async function discoverAgentCard(target: A2aAgentTarget, options: DiscoverAgentCardOptions = {}): Promise<AgentCard> {
  const agent = resolveAgentTarget(target, options);
  const fetched = await fetchAgentCard(httpClientOf(options), agent, {
    version: A2A_PROTOCOL_VERSION,
    signal: options.signal,
  });
  return resolver.normalizeAgentCard(absolutiseCardUrls(fetched.card, fetched.url));
}
