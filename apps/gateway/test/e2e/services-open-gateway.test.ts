import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { everythingStdio } from '@switchyard/mcp-bridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;

beforeAll(async () => {
  process.env['SWITCHYARD_TEST_GATEWAY_SECRET'] = 'gateway-env-secret-DO-NOT-LEAK';
  const everything = JSON.stringify(everythingStdio({ allowed_tools: ['echo', 'get-env'], env: { GATEWAY_LOOKING: 'child-only' } }));
  harness = await startHarness(`model_list: []\nmcp_servers:\n  everything: ${everything}\n`);
}, 120_000);
afterAll(async () => {
  await harness.close();
  delete process.env['SWITCHYARD_TEST_GATEWAY_SECRET'];
});

describe('MCP and A2A on a gateway without a master key (open, documented)', () => {
  it('serves /mcp to a client without a key', async () => {
    const client = new Client({ name: 'open-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${harness.url}/mcp`)));
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(['everything-echo', 'everything-get-env']);
      expect(await client.callTool({ name: 'everything-echo', arguments: { message: 'open' } })).toMatchObject({ content: [{ text: 'Echo: open' }] });
    } finally {
      await client.close();
    }
  });

  it('gives a stdio server only its configured environment, never the gateway\'s', async () => {
    const client = new Client({ name: 'env-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${harness.url}/mcp`)));
    try {
      const result = JSON.stringify(await client.callTool({ name: 'everything-get-env', arguments: {} }));
      expect(result).toContain('child-only');
      expect(result).not.toContain('gateway-env-secret-DO-NOT-LEAK');
    } finally {
      await client.close();
    }
  });

  it('lists servers and agents, and refuses management writes (they need the store)', async () => {
    const servers = (await (await fetch(`${harness.url}/v1/mcp/server`)).json()) as Array<{ server_name: string; source: string }>;
    expect(servers).toMatchObject([{ server_name: 'everything', source: 'config', transport: 'stdio' }]);
    expect(await (await fetch(`${harness.url}/v1/agents`)).json()).toEqual([]);
    const write = await fetch(`${harness.url}/v1/agents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agent_name: 'a', url: 'http://127.0.0.1:9/' }) });
    expect(write.status).toBe(501);
    expectOpenAIError(await write.json(), { code: 'store_required' });
    expect((await fetch(`${harness.url}/a2a/nobody/`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
