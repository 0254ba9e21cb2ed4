import { describe, expect, it } from 'vitest';
import { agentCardUrls } from './agent-card-urls.js';
import { jsonRpcEndpoint, listCardInterfaces } from './card-interfaces.js';
import { absolutiseCardUrls } from './map-card-interfaces.js';
import { rewriteAgentCard } from './rewrite-agent-card.js';

// Cards as the SDK's agents serve them: 1.0 (A2A-Version: 1.0) and the hybrid 0.3 shape (no header).
const v1Card = {
  name: 'echo',
  supportedInterfaces: [
    { url: 'http://10.0.0.5:9100/rpc', protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: 'http://10.0.0.5:9100/rest', protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '1.0' },
    { url: 'http://10.0.0.5:9100/legacy', protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
  ],
  capabilities: { streaming: true, pushNotifications: true, extensions: [], extendedAgentCard: true },
  signatures: [{ protected: 'x', signature: 'y' }],
};
const v03Card = {
  name: 'echo', protocolVersion: '0.3.0', url: 'http://10.0.0.5:9100/', preferredTransport: 'HTTP+JSON',
  additionalInterfaces: [{ url: 'http://10.0.0.5:9100/rest', transport: 'HTTP+JSON' }, { url: '/jsonrpc', transport: 'JSONRPC' }],
  capabilities: { streaming: true, pushNotifications: true }, supportsAuthenticatedExtendedCard: true,
};
const cardUrl = 'http://10.0.0.5:9100/.well-known/agent-card.json';

describe('agent cards', () => {
  it('are looked for at the well-known path, then agent.json; a .json URL is the card itself', () => {
    expect(agentCardUrls('http://h/a/b')).toEqual(['http://h/a/b/.well-known/agent-card.json', 'http://h/a/b/.well-known/agent.json']);
    expect(agentCardUrls('http://h/card.json')).toEqual(['http://h/card.json']);
  });

  it('list their interfaces in either version, relative URLs resolved against the card', () => {
    expect(listCardInterfaces(v03Card, cardUrl)).toEqual([
      { url: 'http://10.0.0.5:9100/', binding: 'HTTP+JSON', version: '0.3.0' },
      { url: 'http://10.0.0.5:9100/rest', binding: 'HTTP+JSON', version: '0.3.0' },
      { url: 'http://10.0.0.5:9100/jsonrpc', binding: 'JSONRPC', version: '0.3.0' },
    ]);
    expect(absolutiseCardUrls(v03Card, cardUrl)['additionalInterfaces']).toContainEqual({ url: 'http://10.0.0.5:9100/jsonrpc', transport: 'JSONRPC' });
  });

  it("pick the JSON-RPC endpoint for the call's version, else the first JSON-RPC one", () => {
    const interfaces = listCardInterfaces(v1Card, cardUrl);
    expect(jsonRpcEndpoint(interfaces, '1.0')).toBe('http://10.0.0.5:9100/rpc');
    expect(jsonRpcEndpoint(interfaces, '0.3')).toBe('http://10.0.0.5:9100/legacy');
    expect(jsonRpcEndpoint(interfaces, '2.0')).toBe('http://10.0.0.5:9100/rpc');
    expect(jsonRpcEndpoint(listCardInterfaces({ name: 'rest-only', supportedInterfaces: [v1Card.supportedInterfaces[1]] }, cardUrl), '1.0')).toBeUndefined();
  });

  it('are rewritten to the gateway: JSON-RPC only, no signatures, no push or extended card (1.0)', () => {
    const rewritten = rewriteAgentCard(v1Card, 'https://gw/a2a/echo/');
    expect(rewritten['supportedInterfaces']).toEqual([
      { url: 'https://gw/a2a/echo/', protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
      { url: 'https://gw/a2a/echo/', protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
    ]);
    expect(rewritten['signatures']).toBeUndefined();
    expect(rewritten['capabilities']).toEqual({ streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false });
    expect(JSON.stringify(rewritten)).not.toContain('10.0.0.5');
    expect(v1Card.supportedInterfaces).toHaveLength(3);
  });

  it('are rewritten to the gateway in the 0.3 shape, JSON-RPC preferred', () => {
    const rewritten = rewriteAgentCard(v03Card, 'https://gw/a2a/echo/');
    expect(rewritten).toMatchObject({
      url: 'https://gw/a2a/echo/', preferredTransport: 'JSONRPC', supportsAuthenticatedExtendedCard: false,
      additionalInterfaces: [{ url: 'https://gw/a2a/echo/', transport: 'JSONRPC' }],
      capabilities: { streaming: true, pushNotifications: false },
    });
    expect(JSON.stringify(rewritten)).not.toContain('10.0.0.5');
  });
});
