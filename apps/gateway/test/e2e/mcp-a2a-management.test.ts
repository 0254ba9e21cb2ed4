import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startEchoAgent, type EchoAgent } from '@switchyard/a2a-client/testing';
import { startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { servicesMasterKey, testGovernance, type TestGovernance } from '../support/test-governance.js';

let everything: HttpPeer;
let agent: EchoAgent;
let harness: Harness;
let governance: TestGovernance;
let keys: { user: string; memoryOnly: string };
const upstreamToken = 'mcp-upstream-token-DO-NOT-LEAK';

async function call(method: string, path: string, key: string | undefined, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
  const response = await fetch(`${harness.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

beforeAll(async () => {
  everything = await startEverythingHttp('streamableHttp');
  agent = await startEchoAgent();
  harness = await startHarness(`general_settings: {master_key: ${servicesMasterKey}}
model_list: []
mcp_servers:
  configured: {transport: stdio, command: "${process.execPath}", args: ["-e", "0"]}
`);
  governance = testGovernance(harness.gateway);
  keys = {
    user: await governance.issueKey({ keyAlias: 'plain-user' }),
    memoryOnly: await governance.issueKey({ objectPermission: { mcpServers: ['memory'], agents: [] } }),
  };
}, 120_000);
afterAll(async () => {
  await harness.close();
  await everything.kill();
  await agent.close();
});

describe('MCP servers through the management API', () => {
  it('registers a server into the live bridge (secrets stored encrypted, never shown) and removes it', async () => {
    const body = { server_name: 'live', transport: 'http', url: everything.url, auth_type: 'bearer_token', auth_value: upstreamToken, allowed_tools: ['echo'] };
    const created = await call('POST', '/v1/mcp/server', servicesMasterKey, body);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ server_name: 'live', secret_names: ['auth_value'], source: 'db' });
    expect(created.text).not.toContain(upstreamToken);
    const stored = await governance.runtime.store.mcpServers.findByName('live');
    expect(JSON.stringify(stored)).not.toContain(upstreamToken);

    const listed = await call('GET', '/v1/mcp/server', servicesMasterKey);
    expect(listed.json).toEqual(expect.arrayContaining([expect.objectContaining({ server_name: 'live', transport: 'http', source: 'db' })]));
    expect(listed.text).not.toContain(upstreamToken);
    const tools = await call('GET', '/v1/mcp/tools?server_name=live', keys.user);
    expect(tools.json).toEqual({ tools: [expect.objectContaining({ name: 'live-echo', mcp_info: { server_name: 'live' } })] });

    const client = new Client({ name: 'mgmt-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${harness.url}/mcp/live`), { requestInit: { headers: { authorization: `Bearer ${keys.user}` } } }));
    expect(await client.callTool({ name: 'live-echo', arguments: { message: 'registered' } })).toMatchObject({ content: [{ type: 'text', text: 'Echo: registered' }] });
    await client.close();

    expect((await call('DELETE', '/v1/mcp/server/live', servicesMasterKey)).status).toBe(200);
    expect((await call('GET', '/v1/mcp/tools?server_name=live', keys.user)).json).toEqual({ tools: [] });
    expect((await call('DELETE', '/v1/mcp/server/live', servicesMasterKey)).status).toBe(404);
  });

  it('keeps writes for admins and config servers for the config file', async () => {
    const body = { server_name: 'other', transport: 'http', url: everything.url };
    const refused = await call('POST', '/v1/mcp/server', keys.user, body);
    expect(refused.status).toBe(403);
    expectOpenAIError(refused.json, { type: 'permission_error' });
    expect((await call('POST', '/v1/mcp/server', undefined, body)).status).toBe(401);
    expect((await call('DELETE', '/v1/mcp/server/configured', servicesMasterKey)).status).toBe(409);
    expect((await call('POST', '/v1/mcp/server', servicesMasterKey, { ...body, server_name: 'configured' })).status).toBe(409);
    const invalid = await call('POST', '/v1/mcp/server', servicesMasterKey, { server_name: 'bad-name', transport: 'http', url: everything.url });
    expect(invalid.status).toBe(400);
    expectOpenAIError(invalid.json, { type: 'invalid_request_error' });
    expect((await call('POST', '/v1/mcp/server', servicesMasterKey, { server_name: 'nourl', transport: 'http' })).status).toBe(400);
  });

  it('lists only the servers a key may use', async () => {
    const listed = (await call('GET', '/v1/mcp/server', keys.memoryOnly)).json as Array<{ server_name: string }>;
    expect(listed.map((server) => server.server_name)).toEqual([]);
    expect((await call('GET', '/v1/mcp/tools?server_name=configured', keys.memoryOnly)).status).toBe(403);
  });
});

describe('A2A agents through the management API', () => {
  it('registers an agent the gateway then serves, lists it without header values, and removes it', async () => {
    const created = await call('POST', '/v1/agents', servicesMasterKey, { agent_name: 'stored', url: agent.url, headers: { 'x-agent-token': 'agent-token-DO-NOT-LEAK' } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ agent_name: 'stored', header_names: ['x-agent-token'], source: 'db' });
    expect(created.text).not.toContain('agent-token-DO-NOT-LEAK');
    const listed = await call('GET', '/v1/agents', keys.user);
    expect(listed.json).toEqual([expect.objectContaining({ agent_name: 'stored' })]);
    expect((await call('GET', '/v1/agents', keys.memoryOnly)).json).toEqual([]);

    const rpc = { jsonrpc: '2.0', id: 1, method: 'message/send', params: { message: { kind: 'message', messageId: 'm', role: 'user', parts: [{ kind: 'text', text: 'msg:stored' }] } } };
    const sent = await call('POST', '/a2a/stored/', keys.user, rpc);
    expect(sent.json).toMatchObject({ result: { parts: [{ text: 'echo stored' }] } });
    expect(agent.requests.at(-1)?.headers['x-agent-token']).toBe('agent-token-DO-NOT-LEAK');

    expect((await call('POST', '/v1/agents', keys.user, { agent_name: 'x', url: agent.url })).status).toBe(403);
    expect((await call('POST', '/v1/agents', servicesMasterKey, { agent_name: 'stored', url: agent.url })).status).toBe(409);
    expect((await call('DELETE', '/v1/agents/stored', servicesMasterKey)).status).toBe(200);
    expect((await call('POST', '/a2a/stored/', keys.user, rpc)).status).toBe(404);
  });
});

describe('stored servers and agents after a restart', () => {
  it('are registered again from the store when the gateway starts', async () => {
    await call('POST', '/v1/mcp/server', servicesMasterKey, { server_name: 'kept', transport: 'http', url: everything.url, allowed_tools: ['get-sum'] });
    await call('POST', '/v1/agents', servicesMasterKey, { agent_name: 'kept', url: agent.url });
    const { buildServices } = await import('../../src/services/build-services.js');
    const services = await buildServices({ config: { mcpServers: {}, a2aAgents: [], masterKey: servicesMasterKey }, logger: harness.gateway.logger, governance: governance.runtime, host: '127.0.0.1' });
    try {
      expect(services.mcp.bridge.serverNames).toEqual(['kept']);
      expect((await services.mcp.bridge.listTools()).map((tool) => tool.name)).toEqual(['kept-get-sum']);
      expect(services.a2a.registry.has('kept')).toBe(true);
    } finally {
      await services.close();
    }
  });
});
