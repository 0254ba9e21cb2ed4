import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchyardError } from '@switchyard/core';
import { createHttpClient } from '@switchyard/provider-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAgentCard } from './discover-agent-card.js';

// A host that serves only the pre-0.3 card path, with a relative JSON-RPC URL, and a broken card at /broken/.
const legacyCard = {
  name: 'old-agent', description: 'd', version: '1', protocolVersion: '0.2.5', url: '/rpc',
  capabilities: {}, defaultInputModes: [], defaultOutputModes: [], skills: [],
};
const http = createHttpClient();
const asked: { path: string; version: string | undefined }[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push({ path: req.url ?? '', version: req.headers['a2a-version'] as string | undefined });
    if (req.url === '/agents/old/.well-known/agent.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(legacyCard));
    else if (req.url === '/broken/.well-known/agent-card.json') res.writeHead(200).end('<html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await http.close();
});

describe('discoverAgentCard', () => {
  it('falls back to agent.json, resolves relative URLs and reads a 0.x card as 0.3', async () => {
    asked.length = 0;
    const card = await discoverAgentCard(`${origin}/agents/old`, { http });
    expect(asked).toEqual([
      { path: '/agents/old/.well-known/agent-card.json', version: '1.0' },
      { path: '/agents/old/.well-known/agent.json', version: '1.0' },
    ]);
    expect(card.name).toBe('old-agent');
    expect(card.supportedInterfaces[0]).toMatchObject({ url: `${origin}/rpc`, protocolBinding: 'JSONRPC' });
  });

  it('fails with upstream_unavailable for a missing or broken card', async () => {
    for (const path of ['/nothing/', '/broken/']) {
      const error = await discoverAgentCard(`${origin}${path}`, { http }).catch((caught: unknown) => caught);
      expect(SwitchyardError.isInstance(error) && error.kind).toBe('upstream_unavailable');
    }
  });
});
