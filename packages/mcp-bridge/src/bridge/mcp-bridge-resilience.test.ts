import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everythingStdio, memoryStdio, startEverythingHttp, type HttpPeer } from '../testing/mcp-peers.js';
import { waitFor } from '../test-support/wait-for.js';
import { McpBridge } from './mcp-bridge.js';
import { McpBridgeError } from './mcp-bridge-error.js';

const memory = memoryStdio();
let peer: HttpPeer;
let bridge: McpBridge;
const listErrors: string[] = [];

function text(result: { content?: unknown }): string {
  return ((result.content ?? []) as Array<{ text?: string }>).map((part) => part.text ?? '').join('');
}

beforeAll(async () => {
  peer = await startEverythingHttp('streamableHttp');
  bridge = McpBridge.create(
    {
      everything: { transport: 'http', url: peer.url },
      memory: memory.config,
      slow: everythingStdio(),
    },
    {
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      hooks: { onUpstreamError: (server) => listErrors.push(server) },
    },
  );
});

afterAll(async () => {
  await bridge.close();
  await peer.kill();
  memory.cleanup();
});

describe('one upstream dying', () => {
  it('keeps the other working, fails calls to the dead one cleanly, and recovers when it returns', async () => {
    expect(text(await bridge.callTool('everything-echo', { message: 'before' }))).toBe('Echo: before');
    await peer.kill();

    const failure = await bridge.callTool('everything-echo', { message: 'while down' }).catch((error) => error);
    expect(McpBridgeError.isMcpBridgeError(failure) && failure.reason).toBe('unavailable');
    expect(failure.status).toBe(503);

    const graph = await bridge.callTool('memory-read_graph', {});
    expect(graph.isError).not.toBe(true);
    const tools = await bridge.listTools({ allowedServers: ['everything', 'memory'] });
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((tool) => tool.name.startsWith('memory-'))).toBe(true);
    expect(listErrors).toContain('everything');

    peer = await startEverythingHttp('streamableHttp', peer.port);
    const echoed = await waitFor(async () => text(await bridge.callTool('everything-echo', { message: 'back' })));
    expect(echoed).toBe('Echo: back');
    expect(bridge.status().find((server) => server.name === 'everything')?.state).toBe('connected');
  });

  it('opens a new session when an HTTP upstream restarted between two calls', async () => {
    expect(text(await bridge.callTool('everything-echo', { message: 'one' }))).toBe('Echo: one');
    await peer.kill();
    peer = await startEverythingHttp('streamableHttp', peer.port);
    expect(text(await bridge.callTool('everything-echo', { message: 'two' }))).toBe('Echo: two');
  });

  it('respawns a killed stdio server on the next use', async () => {
    await bridge.callTool('memory-read_graph', {});
    const before = bridge.status().find((server) => server.name === 'memory')?.pid;
    expect(before).toBeTypeOf('number');
    process.kill(before!, 'SIGKILL');
    await waitFor(() => (bridge.status().find((server) => server.name === 'memory')?.state === 'connected' ? undefined : true));

    const graph = await bridge.callTool('memory-read_graph', {});
    expect(graph.isError).not.toBe(true);
    const after = bridge.status().find((server) => server.name === 'memory')?.pid;
    expect(after).toBeTypeOf('number');
    expect(after).not.toBe(before);
  });

  it('cancels an in-flight call when the caller aborts', async () => {
    const controller = new AbortController();
    const call = bridge
      .callTool('slow-trigger-long-running-operation', { duration: 60, steps: 60 }, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
      .catch((error) => error);
    const failure = await call;
    expect(McpBridgeError.isMcpBridgeError(failure) && failure.reason).toBe('cancelled');
    expect(text(await bridge.callTool('slow-echo', { message: 'still up' }))).toBe('Echo: still up');
  });

  it('fails an in-flight call at once when its stdio server is killed mid-call', async () => {
    let progressed!: () => void;
    const firstProgress = new Promise<void>((resolve) => (progressed = resolve));
    const call = bridge
      .callTool('slow-trigger-long-running-operation', { duration: 60, steps: 60 }, { onProgress: () => progressed() })
      .catch((error) => error);
    await firstProgress;
    process.kill(bridge.status().find((server) => server.name === 'slow')!.pid!, 'SIGKILL');
    const failure = await call;
    expect(McpBridgeError.isMcpBridgeError(failure) && failure.reason).toBe('unavailable');
  });
});
