import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everythingEntry, everythingStdio, memoryEntry, memoryStdio } from '../testing/mcp-peers.js';
import { listToolsDirectly } from '../test-support/direct-client.js';
import { McpBridge } from './mcp-bridge.js';
import { McpBridgeError } from './mcp-bridge-error.js';
import type { McpToolCallEvent } from './mcp-tool-call-event.js';

const memory = memoryStdio();
const events: McpToolCallEvent[] = [];
const costInfo = { default_cost_per_query: 0.01, tool_name_to_cost_per_query: { 'get-sum': 0.05 } };
const bridge = McpBridge.create(
  {
    everything: everythingStdio({ env: { VISIBLE_TO_CHILD: 'yes' }, mcp_info: { mcp_server_cost_info: costInfo } }),
    memory: memory.config,
    limited: everythingStdio({ allowed_tools: ['echo', 'get-sum'] }),
  },
  { hooks: { onToolCall: (event) => events.push(event) } },
);

let everythingDirect: Tool[];
let memoryDirect: Tool[];

beforeAll(async () => {
  process.env['GATEWAY_SECRET'] = 'gateway-secret-value-1234';
  [everythingDirect, memoryDirect] = await Promise.all([
    listToolsDirectly(process.execPath, [everythingEntry, 'stdio']),
    listToolsDirectly(process.execPath, [memoryEntry], memory.config.env),
  ]);
});

afterAll(async () => {
  await bridge.close();
  memory.cleanup();
  delete process.env['GATEWAY_SECRET'];
});

function text(result: { content?: unknown }): string {
  const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
  return content.map((part) => part.text ?? '').join('');
}

describe('McpBridge over stdio upstreams from npm', () => {
  it('aggregates both catalogues as <server>-<tool>, unchanged apart from the name', async () => {
    expect(everythingDirect.length).toBeGreaterThan(0);
    expect(memoryDirect.length).toBeGreaterThan(0);
    const tools = await bridge.listTools({ allowedServers: ['everything', 'memory'] });
    const expected = [
      ...everythingDirect.map((tool) => ({ ...tool, name: `everything-${tool.name}` })),
      ...memoryDirect.map((tool) => ({ ...tool, name: `memory-${tool.name}` })),
    ];
    expect(tools.map((tool) => tool.name).sort()).toEqual(expected.map((tool) => tool.name).sort());
    for (const tool of expected) {
      const listed = tools.find((candidate) => candidate.name === tool.name);
      expect(listed?.description).toBe(tool.description);
      expect(listed?.inputSchema).toEqual(tool.inputSchema);
      expect(listed?.outputSchema).toEqual(tool.outputSchema);
      expect(listed?.annotations).toEqual(tool.annotations);
    }
  });

  it('calls tools on the right server and returns results unchanged', async () => {
    const sum = await bridge.callTool('everything-get-sum', { a: 2, b: 40 });
    expect(text(sum)).toBe('The sum of 2 and 40 is 42.');

    const structured = await bridge.callTool('everything-get-structured-content', { location: 'New York' });
    expect(structured.structuredContent).toEqual(JSON.parse(text(structured)));

    const image = await bridge.callTool('everything-get-tiny-image', {});
    expect(image.content.some((part) => part.type === 'image' && part.mimeType === 'image/png')).toBe(true);

    const invalid = await bridge.callTool('everything-get-sum', { a: 'x', b: 1 });
    expect(invalid.isError).toBe(true);
  });

  it('round-trips an entity through server-memory', async () => {
    const entity = { name: `entity_${process.pid}`, entityType: 'test', observations: ['made by the bridge test'] };
    await bridge.callTool('memory-create_entities', { entities: [entity] });
    const graph = await bridge.callTool('memory-read_graph', {});
    const entities = (graph.structuredContent as { entities: Array<{ name: string }> } | undefined)?.entities ?? [];
    expect(entities.map((item) => item.name)).toContain(entity.name);
  });

  it('gives a stdio server only its configured env plus PATH, never the gateway environment', async () => {
    const result = await bridge.callTool('everything-get-env', {});
    const environment = JSON.parse(text(result)) as Record<string, string>;
    expect(Object.keys(environment).sort()).toEqual(['PATH', 'VISIBLE_TO_CHILD']);
    expect(environment['VISIBLE_TO_CHILD']).toBe('yes');
    expect(text(result)).not.toContain('gateway-secret-value-1234');
  });

  it('applies the config allow list to listing and calling', async () => {
    const tools = await bridge.listTools({ allowedServers: ['limited'] });
    expect(tools.map((tool) => tool.name).sort()).toEqual(['limited-echo', 'limited-get-sum']);
    await expect(bridge.callTool('limited-get-env', {})).rejects.toMatchObject({ reason: 'forbidden' });
  });

  it('narrows to the caller access and never runs a refused call', async () => {
    const memoryOnly = { allowedServers: ['memory'], subject: 'sk-memonly' };
    const tools = await bridge.listTools(memoryOnly);
    expect(tools.length).toBe(memoryDirect.length);
    expect(tools.every((tool) => tool.name.startsWith('memory-'))).toBe(true);

    const refusedEntity = { name: `refused_${process.pid}`, entityType: 'test', observations: [] };
    const noMemory = { allowedServers: ['everything'] };
    const refusal = await bridge.callTool('memory-create_entities', { entities: [refusedEntity] }, noMemory).catch((e) => e);
    expect(McpBridgeError.isMcpBridgeError(refusal) && refusal.reason).toBe('forbidden');
    const onlyEcho = { allowedTools: ['memory-read_graph'] };
    await expect(bridge.callTool('memory-create_entities', { entities: [] }, onlyEcho)).rejects.toMatchObject({
      reason: 'forbidden',
    });
    const graph = await bridge.callTool('memory-read_graph', {});
    expect(text(graph)).not.toContain(refusedEntity.name);
  });

  it('refuses names it cannot route', async () => {
    await expect(bridge.callTool('echo', {})).rejects.toMatchObject({ reason: 'invalid_name', status: 400 });
    await expect(bridge.callTool('nowhere-echo', {})).rejects.toMatchObject({ reason: 'unknown_server', status: 404 });
    await expect(bridge.callTool('nowhere-echo', {}, { allowedServers: ['memory'] })).rejects.toMatchObject({
      reason: 'forbidden',
      status: 403,
    });
  });

  it('reports every call with its status, duration and configured cost', async () => {
    events.length = 0;
    await bridge.callTool('everything-get-sum', { a: 1, b: 1 }, { subject: 'k1' });
    await bridge.callTool('everything-echo', { message: 'hi' });
    await bridge.callTool('everything-get-sum', { a: 'x' });
    await bridge.callTool('everything-echo', {}, { allowedServers: [] }).catch(() => undefined);
    expect(events.map(({ namespacedName, status, cost }) => ({ namespacedName, status, cost }))).toEqual([
      { namespacedName: 'everything-get-sum', status: 'success', cost: 0.05 },
      { namespacedName: 'everything-echo', status: 'success', cost: 0.01 },
      { namespacedName: 'everything-get-sum', status: 'tool_error', cost: 0.05 },
      { namespacedName: 'everything-echo', status: 'refused', cost: 0 },
    ]);
    expect(events[0]).toMatchObject({ server: 'everything', tool: 'get-sum', subject: 'k1' });
    expect(events.every((event) => event.durationMs >= 0)).toBe(true);
    expect(events[3]?.reason).toBe('forbidden');
    expect(new Set(events.map((event) => event.callId)).size).toBe(4);
  });

  it('lets beforeToolCall refuse a call (a rate limit, say)', async () => {
    const started: string[] = [];
    const ended: string[] = [];
    const limited = McpBridge.create(
      { memory: memory.config },
      {
        hooks: {
          beforeToolCall: (call) => {
            started.push(call.callId);
            throw new Error('rate limited');
          },
          onToolCall: (event) => ended.push(event.callId),
        },
      },
    );
    await expect(limited.callTool('memory-read_graph', {})).rejects.toThrow('rate limited');
    expect(ended).toEqual(started);
    expect(started).toHaveLength(1);
    expect(limited.status()[0]?.state).toBe('idle');
    await limited.close();
  });
});

describe('servers added and removed at run time', () => {
  it('serves an added server, replaces it by name, and refuses it once removed', async () => {
    const live = McpBridge.create({});
    const changed: string[] = [];
    live.onToolsChanged((server) => changed.push(server));
    try {
      await live.addServer('added', everythingStdio({ allowed_tools: ['echo'] }));
      expect((await live.listTools()).map((tool) => tool.name)).toEqual(['added-echo']);
      await live.addServer('added', everythingStdio({ allowed_tools: ['get-sum'] }));
      expect((await live.listTools()).map((tool) => tool.name)).toEqual(['added-get-sum']);
      expect(await live.removeServer('added')).toBe(true);
      expect(await live.removeServer('added')).toBe(false);
      expect(live.serverNames).toEqual([]);
      await expect(live.callTool('added-get-sum', { a: 1, b: 2 })).rejects.toMatchObject({ reason: 'unknown_server' });
      expect(changed.length).toBeGreaterThanOrEqual(4);
      expect(new Set(changed)).toEqual(new Set(['added']));
      await expect(live.addServer('bad-name', everythingStdio())).rejects.toThrow(/mcp_servers/);
    } finally {
      await live.close();
    }
  });
});
