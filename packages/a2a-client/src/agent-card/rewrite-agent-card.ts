import type { RawAgentCard } from './fetch-agent-card.js';
import { mapCardInterfaces } from './map-card-interfaces.js';

function withoutFlag(value: unknown, flag: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return { ...(value as Record<string, unknown>), [flag]: false };
}

/**
 * The card the gateway serves for an agent: every JSON-RPC interface (1.0 `supportedInterfaces`, the 0.3 `url`
 * and `additionalInterfaces`) points at the gateway, other bindings are dropped (the gateway forwards JSON-RPC
 * only), a 0.3 card's `preferredTransport` becomes JSON-RPC, signatures are removed (they no longer match), and
 * the features the gateway does not forward (extended card, push notifications) are switched off.
 */
export function rewriteAgentCard(card: RawAgentCard, gatewayUrl: string): RawAgentCard {
  const rewritten = mapCardInterfaces(card, (_url, binding) => (binding === 'JSONRPC' ? gatewayUrl : undefined));
  if (typeof card['url'] === 'string' && rewritten['url'] === undefined) {
    rewritten['url'] = gatewayUrl;
    rewritten['preferredTransport'] = 'JSONRPC';
  }
  if (typeof rewritten['preferredTransport'] === 'string') rewritten['preferredTransport'] = 'JSONRPC';
  delete rewritten['signatures'];
  if ('capabilities' in rewritten) {
    rewritten['capabilities'] = withoutFlag(withoutFlag(rewritten['capabilities'], 'pushNotifications'), 'extendedAgentCard');
  }
  if ('supportsAuthenticatedExtendedCard' in rewritten) rewritten['supportsAuthenticatedExtendedCard'] = false;
  return rewritten;
}
