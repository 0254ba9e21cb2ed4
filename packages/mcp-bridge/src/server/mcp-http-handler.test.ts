import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpBridge } from '../bridge/mcp-bridge.js';
import { listToolsDirectly } from '../test-support/direct-client.js';
import { connectClient, startTestGateway, type TestGateway } from '../test-support/mcp-test-server.js';
import { memoryEntry, memoryStdio, startEverythingHttp, type HttpPeer } from '../testing/mcp-peers.js';
import { loopbackHostnames } from './host-validation.js';
import { createMcpHttpHandler, type McpHttpHandler } from './mcp-http-handler.js';

const memory = memoryStdio();
const keys = {
  'sk-admin': { subject: 'admin' },
  'sk-memonly': { allowedServers: ['memory'], subject: 'memonly' },
  'sk-echo': { allowedTools: ['everything-echo'], subject: 'echo-only' },
};
let peer: HttpPeer;
let bridge: McpBridge;
let handler: McpHttpHandler;
let gateway: TestGateway;
let direct: Client;
let everythingDirect: Tool[];
let memoryDirect: Tool[];
const opened: Client[] = [];

async function connect(key: string, path?: string, headers?: Record<string, string>) {
  const { client } = await connectClient(gateway.url(path), key, headers);
  opened.push(client);
  return client;
}

beforeAll(async () => {
  peer = await startEverythingHttp('streamableHttp');
  bridge = McpBridge.create(
    { everything: { transport: 'http', url: peer.url }, memory: memory.config },
    { reconnect: { initialDelayMs: 50, maxDelayMs: 200 } },
  );
  handler = createMcpHttpHandler(bridge, { allowedHosts: loopbackHostnames });
  gateway = await startTestGateway(handler, keys);
  direct = new Client({ name: 'direct-reference', version: '1.0.0' });
  await direct.connect(new StreamableHTTPClientTransport(new URL(peer.url)));
  everythingDirect = (await direct.listTools()).tools;
  memoryDirect = await listToolsDirectly(process.execPath, [memoryEntry], memory.config.env);
});

afterAll(async () => {
  await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
  await direct.close();
  await handler.close();
  await gateway.close();
  await bridge.close();
  await peer.kill();
  memory.cleanup();
});

describe('the /mcp handler with the official SDK client', () => {
  it('lists every upstream tool, namespaced, with descriptions and schemas byte-equal to upstream', async () => {
    const client = await connect('sk-admin');
    const { tools } = await client.listTools();
    const expected = [
      ...everythingDirect.map((tool) => ({ ...tool, name: `everything-${tool.name}` })),
      ...memoryDirect.map((tool) => ({ ...tool, name: `memory-${tool.name}` })),
    ];
    expect(tools.map((tool) => tool.name).sort()).toEqual(expected.map((tool) => tool.name).sort());
    for (const tool of expected) {
      const listed = tools.find((candidate) => candidate.name === tool.name)!;
      expect(JSON.stringify([listed.description, listed.inputSchema, listed.outputSchema])).toBe(
        JSON.stringify([tool.description, tool.inputSchema, tool.outputSchema]),
      );
    }
  });

  it('passes results through unchanged: text, structured content, images and tool errors', async () => {
    const client = await connect('sk-admin');
    await client.listTools();
    for (const [name, args] of [
      ['get-sum', { a: 2, b: 40 }],
      ['get-structured-content', { location: 'Chicago' }],
      ['get-tiny-image', {}],
      ['get-sum', { a: 'x', b: 1 }],
      ['no-such-tool', {}],
    ] as const) {
      const viaGateway = await client.callTool({ name: `everything-${name}`, arguments: args });
      const upstream = await direct.callTool({ name, arguments: args });
      expect(viaGateway).toEqual(upstream);
    }
    const sum = (await client.callTool({ name: 'everything-get-sum', arguments: { a: 2, b: 40 } })) as CallToolResult;
    expect(sum.content).toEqual([{ type: 'text', text: 'The sum of 2 and 40 is 42.' }]);
  });

  it('round-trips an entity through server-memory', async () => {
    const client = await connect('sk-memonly');
    const entity = { name: `via_gateway_${process.pid}`, entityType: 'test', observations: ['hello'] };
    await client.callTool({ name: 'memory-create_entities', arguments: { entities: [entity] } });
    const graph = (await client.callTool({ name: 'memory-read_graph', arguments: {} })) as CallToolResult;
    expect(JSON.stringify(graph.structuredContent)).toContain(entity.name);
  });

  it('shows a narrowed key only its servers and refuses the others as tool errors', async () => {
    const client = await connect('sk-memonly');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(memoryDirect.map((tool) => `memory-${tool.name}`).sort());
    const refused = (await client.callTool({ name: 'everything-echo', arguments: { message: 'x' } })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(refused._meta?.['switchyard/error']).toEqual({ reason: 'forbidden', status: 403 });

    const echoOnly = await connect('sk-echo');
    expect((await echoOnly.listTools()).tools.map((tool) => tool.name)).toEqual(['everything-echo']);
    const env = (await echoOnly.callTool({ name: 'everything-get-env', arguments: {} })) as CallToolResult;
    expect(env.isError).toBe(true);
  });

  it('narrows by path and x-mcp-servers, and never grants', async () => {
    const byPath = await connect('sk-admin', '/mcp/memory');
    expect((await byPath.listTools()).tools.every((tool) => tool.name.startsWith('memory-'))).toBe(true);
    const byHeader = await connect('sk-admin', '/mcp', { 'x-mcp-servers': 'everything' });
    const headerTools = (await byHeader.listTools()).tools;
    expect(headerTools.length).toBe(everythingDirect.length);
    expect(headerTools.every((tool) => tool.name.startsWith('everything-'))).toBe(true);

    await expect(connect('sk-memonly', '/mcp/everything')).rejects.toMatchObject({ code: 403 });
    await expect(connect('sk-memonly', '/mcp', { 'x-mcp-servers': 'everything' })).rejects.toMatchObject({ code: 403 });
    await expect(connect('sk-admin', '/mcp/nowhere')).rejects.toMatchObject({ code: 404 });
    await expect(connect('sk-unknown')).rejects.toMatchObject({ code: 401 });
  });

  it('binds a session to its access, answers 404 for unknown sessions and ends sessions on DELETE', async () => {
    const { client, transport } = await connectClient(gateway.url(), 'sk-admin');
    const sessionId = transport.sessionId!;
    const post = (key: string, session: string) =>
      fetch(gateway.url(), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'mcp-session-id': session,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
      });
    expect((await post('sk-memonly', sessionId)).status).toBe(403);
    expect((await post('sk-admin', 'not-a-session')).status).toBe(404);
    const before = handler.sessionCount;
    await transport.terminateSession();
    expect(handler.sessionCount).toBe(before - 1);
    expect((await post('sk-admin', sessionId)).status).toBe(404);
    await client.close();
  });

  it('forwards prompts and resources', async () => {
    const client = await connect('sk-admin', '/mcp/everything');
    const prompts = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
    expect(prompts).toEqual((await direct.listPrompts()).prompts.map((prompt) => `everything-${prompt.name}`));
    expect(await client.getPrompt({ name: 'everything-simple-prompt' })).toEqual(
      await direct.getPrompt({ name: 'simple-prompt' }),
    );
    const resources = (await client.listResources()).resources;
    const upstream = (await direct.listResources()).resources;
    expect(resources.map((resource) => resource.uri)).toEqual(upstream.map((resource) => resource.uri));
    const uri = upstream[0]!.uri;
    expect(await client.readResource({ uri })).toEqual(await direct.readResource({ uri }));
    await expect(client.subscribeResource({ uri })).resolves.toEqual({});
    await expect(client.unsubscribeResource({ uri })).resolves.toEqual({});
  });

  it('relays progress notifications of a long call', async () => {
    const client = await connect('sk-admin');
    const progress: number[] = [];
    const args = { duration: 1, steps: 2 };
    const options = { onprogress: (update: { progress: number }) => progress.push(update.progress) };
    await client.callTool({ name: 'everything-trigger-long-running-operation', arguments: args }, undefined, options);
    expect(progress).toEqual([1, 2]);
  });

  it('refuses a request whose Host is not a loopback name', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(gateway.url(), {
        method: 'POST',
        headers: { host: 'evil.example.com', authorization: 'Bearer sk-admin', 'content-type': 'application/json' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('answers calls to a dead upstream with a tool error, keeps the other server, and recovers', async () => {
    const client = await connect('sk-admin');
    await peer.kill();
    const down = (await client.callTool({ name: 'everything-echo', arguments: { message: 'x' } })) as CallToolResult;
    expect(down.isError).toBe(true);
    expect(down._meta?.['switchyard/error']).toMatchObject({ reason: 'unavailable', status: 503 });
    const graph = (await client.callTool({ name: 'memory-read_graph', arguments: {} })) as CallToolResult;
    expect(graph.isError).toBeFalsy();

    peer = await startEverythingHttp('streamableHttp', peer.port);
    let echoed: CallToolResult | undefined;
    for (let attempt = 0; attempt < 200 && !echoed?.content.length; attempt += 1) {
      const result = (await client.callTool({ name: 'everything-echo', arguments: { message: 'back' } })) as CallToolResult;
      if (!result.isError) echoed = result;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(echoed?.content).toEqual([{ type: 'text', text: 'Echo: back' }]);
  });
});
