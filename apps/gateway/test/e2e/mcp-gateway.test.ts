import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { memoryEntry } from '@switchyard/mcp-bridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpGateway, type McpGatewaySetup } from '../support/mcp-gateway-setup.js';

let setup: McpGatewaySetup;
let everythingDirect: Tool[];
let memoryDirect: Tool[];

async function listDirect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Tool[]> {
  const client = new Client({ name: 'direct', version: '1.0.0' });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools;
  } finally {
    await client.close();
  }
}

function text(result: unknown): string {
  const content = ((result as CallToolResult).content ?? []) as Array<{ type: string; text?: string }>;
  return content.map((part) => part.text ?? '').join('');
}

beforeAll(async () => {
  setup = await startMcpGateway();
  everythingDirect = await listDirect(new StreamableHTTPClientTransport(new URL(setup.everything.url)));
  memoryDirect = await listDirect(new StdioClientTransport({ command: process.execPath, args: [memoryEntry], stderr: 'ignore' }));
}, 120_000);
afterAll(() => setup.close());

describe('/mcp through the gateway, official MCP SDK client, real servers from npm', () => {
  it('lists every tool of both upstreams as <server>-<tool>, byte-equal apart from the name', async () => {
    const client = await setup.connect(setup.keys.admin);
    const { tools } = await client.listTools();
    const expected = [
      ...everythingDirect.map((tool) => ({ ...tool, name: `everything-${tool.name}` })),
      ...memoryDirect.map((tool) => ({ ...tool, name: `memory-${tool.name}` })),
    ];
    expect(everythingDirect.length).toBeGreaterThan(5);
    expect(memoryDirect.length).toBeGreaterThan(5);
    expect(tools.map((tool) => tool.name).sort()).toEqual(expected.map((tool) => tool.name).sort());
    for (const tool of expected) expect(tools.find((listed) => listed.name === tool.name)).toEqual(tool);
  });

  it('calls tools on both upstreams and round-trips state', async () => {
    const client = await setup.connect(setup.keys.admin);
    expect(text(await client.callTool({ name: 'everything-get-sum', arguments: { a: 2, b: 40 } }))).toBe('The sum of 2 and 40 is 42.');
    const entity = { name: 'switchyard_test', entityType: 'project', observations: ['routes MCP'] };
    await client.callTool({ name: 'memory-create_entities', arguments: { entities: [entity] } });
    const graph = await client.callTool({ name: 'memory-read_graph', arguments: {} });
    expect(text(graph)).toContain('switchyard_test');
  });

  it('passes structured results, images and tool errors through unchanged', async () => {
    const client = await setup.connect(setup.keys.admin);
    const direct = new Client({ name: 'direct', version: '1.0.0' });
    await direct.connect(new StreamableHTTPClientTransport(new URL(setup.everything.url)));
    try {
      for (const [name, args] of [['get-structured-content', { location: 'New York' }], ['get-tiny-image', {}], ['get-sum', { a: 'x', b: 1 }]] as const) {
        const through = await client.callTool({ name: `everything-${name}`, arguments: args });
        expect(through).toEqual(await direct.callTool({ name, arguments: args }));
      }
      const image = await client.callTool({ name: 'everything-get-tiny-image', arguments: {} });
      expect((image.content as Array<{ type: string }>).some((part) => part.type === 'image')).toBe(true);
      const failed = await client.callTool({ name: 'everything-get-sum', arguments: { a: 'x', b: 1 } });
      expect(failed.isError).toBe(true);
      const structured = await client.callTool({ name: 'everything-get-structured-content', arguments: { location: 'New York' } });
      expect(structured.structuredContent).toBeDefined();
    } finally {
      await direct.close();
    }
  });

  it('ends a session on DELETE; its id is then unknown (404)', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${setup.harness.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${setup.keys.admin}` } } });
    const client = new Client({ name: 'session-test', version: '1.0.0' });
    await client.connect(transport);
    const sessionId = transport.sessionId!;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await transport.terminateSession();
    const after = await fetch(`${setup.harness.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.keys.admin}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }),
    });
    expect(after.status).toBe(404);
    await client.close();
  });

  it('refuses a session opened by another key (403)', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${setup.harness.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${setup.keys.admin}` } } });
    const client = new Client({ name: 'session-owner', version: '1.0.0' });
    await client.connect(transport);
    const hijack = await fetch(`${setup.harness.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.keys.memoryOnly}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': transport.sessionId!, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list', params: {} }),
    });
    expect(hijack.status).toBe(403);
    await client.close();
  });

  it('answers an unknown tool with an isError result naming it', async () => {
    const client = await setup.connect(setup.keys.admin);
    const result = await client.callTool({ name: 'everything-no_such_tool', arguments: {} });
    expect(result.isError).toBe(true);
  });
});

describe('access from the key', () => {
  it('refuses a missing or unknown key with 401 in OpenAI error format', async () => {
    for (const headers of [{}, { authorization: 'Bearer sk-not-a-key' }]) {
      const response = await fetch(`${setup.harness.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }),
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
    }
    await expect(setup.connect(undefined)).rejects.toThrow();
  });

  it('shows a memory-only key only memory tools and refuses everything-* without calling it', async () => {
    const client = await setup.connect(setup.keys.memoryOnly);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names.length).toBe(memoryDirect.length);
    expect(names.every((name) => name.startsWith('memory-'))).toBe(true);
    const refused = await client.callTool({ name: 'everything-echo', arguments: { message: 'hi' } });
    expect(refused.isError).toBe(true);
    expect(refused._meta?.['switchyard/error']).toMatchObject({ reason: 'forbidden', status: 403 });
  });

  it('narrows with /mcp/{server} and x-mcp-servers, and never grants', async () => {
    const narrowed = await setup.connect(setup.keys.admin, '/mcp/memory');
    expect((await narrowed.listTools()).tools.every((tool) => tool.name.startsWith('memory-'))).toBe(true);
    const byHeader = await setup.connect(setup.keys.admin, '/mcp', { 'x-mcp-servers': 'everything' });
    expect((await byHeader.listTools()).tools.every((tool) => tool.name.startsWith('everything-'))).toBe(true);
    await expect(setup.connect(setup.keys.memoryOnly, '/mcp/everything')).rejects.toMatchObject({ code: 403 });
    await expect(setup.connect(setup.keys.memoryOnly, '/mcp', { 'x-mcp-servers': 'everything' })).rejects.toMatchObject({ code: 403 });
    await expect(setup.connect(setup.keys.admin, '/mcp/nosuchserver')).rejects.toMatchObject({ code: 404 });
    const none = await setup.connect(setup.keys.none);
    expect((await none.listTools()).tools).toEqual([]);
  });

  it('counts tool calls against the key rate limit', async () => {
    const client = await setup.connect(setup.keys.limited);
    const results = [];
    for (let call = 0; call < 4; call++) results.push(await client.callTool({ name: 'everything-echo', arguments: { message: `n${call}` } }));
    expect(results.slice(0, 3).map((result) => text(result))).toEqual(['Echo: n0', 'Echo: n1', 'Echo: n2']);
    expect(results[3]?.isError).toBe(true);
    expect(text(results[3])).toMatch(/rate limit/i);
  });
});

describe('every tool call logged like a model call', () => {
  it('writes spend logs (mcp/<server>/<tool>, configured cost, status) and log lines without arguments', async () => {
    const client = await setup.connect(setup.keys.memoryOnly);
    await client.callTool({ name: 'memory-read_graph', arguments: {} });
    await client.callTool({ name: 'everything-get-sum', arguments: { a: 123456, b: 1 } });
    const admin = await setup.connect(setup.keys.admin);
    await admin.callTool({ name: 'everything-get-sum', arguments: { a: 1, b: 1 } });
    const logs = await setup.governance.spendLogs('mcp/');
    const sums = logs.filter((log) => log.modelGroup === 'mcp/everything/get-sum' && log.status === 'success');
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((log) => log.cost === 0.05 && log.provider === 'mcp')).toBe(true);
    expect(logs.some((log) => log.modelGroup === 'mcp/memory/read_graph' && log.keyHash !== null)).toBe(true);
    expect(logs.some((log) => log.status === 'failure' && log.errorClass === 'refused' && log.modelGroup === 'mcp/everything/get-sum')).toBe(true);
    const lines = setup.harness.logs.filter((line) => line['kind'] === 'mcp');
    expect(lines.some((line) => line['model'] === 'mcp/memory/read_graph' && typeof line['latencyMs'] === 'number')).toBe(true);
    expect(setup.harness.rawLogs.join('\n')).not.toContain('123456');
    for (const key of Object.values(setup.keys)) expect(setup.harness.rawLogs.join('\n')).not.toContain(key);
  });
});
