import { describe, expect, it } from 'vitest';
import { McpBridge } from '../bridge/mcp-bridge.js';
import type { UpstreamStateEvent } from './upstream-connection.js';

describe('connecting', () => {
  it('gives up on a server that never answers initialize, then backs off', async () => {
    const events: UpstreamStateEvent[] = [];
    const bridge = McpBridge.create(
      { silent: { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] } },
      { connectTimeoutMs: 300, reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 }, hooks: { onUpstreamState: (e) => events.push(e) } },
    );
    const first = await bridge.callTool('silent-anything', {}).catch((error) => error);
    expect(first).toMatchObject({ reason: 'unavailable', retryAfterMs: 60_000 });
    expect(events).toMatchObject([{ server: 'silent', state: 'connect_failed', retryInMs: 60_000 }]);
    expect(bridge.status()[0]).toMatchObject({ state: 'backoff', pid: undefined });

    const during = await bridge.callTool('silent-anything', {}).catch((error) => error);
    expect(during).toMatchObject({ reason: 'unavailable' });
    expect(events.length).toBe(1);
    await bridge.close();
  });

  it('reports a command that cannot be spawned as unavailable', async () => {
    const bridge = McpBridge.create({ missing: { command: '/nonexistent/mcp-server' } }, { connect: 'eager' });
    await bridge.connectAll();
    expect(bridge.status()[0]?.state).toBe('backoff');
    await expect(bridge.listTools()).resolves.toEqual([]);
    await expect(bridge.callTool('missing-x', {})).rejects.toMatchObject({ reason: 'unavailable', status: 503 });
    await bridge.close();
  });
});
