import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpGateway, type McpGatewaySetup } from '../support/mcp-gateway-setup.js';

let setup: McpGatewaySetup;
let restarted: HttpPeer | undefined;

beforeAll(async () => {
  setup = await startMcpGateway();
}, 120_000);
afterAll(async () => {
  await restarted?.kill();
  await setup.close();
});

function text(result: unknown): string {
  return ((result as CallToolResult).content as Array<{ text?: string }>).map((part) => part.text ?? '').join('');
}

async function eventually<T>(attempt: () => Promise<T>, ok: (value: T) => boolean, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await attempt();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('one upstream killed mid-session', () => {
  it('keeps the other working, fails calls to the dead one cleanly, and recovers when it returns', async () => {
    const client = await setup.connect(setup.keys.admin);
    expect(text(await client.callTool({ name: 'everything-echo', arguments: { message: 'before' } }))).toBe('Echo: before');
    const port = setup.everything.port;
    await setup.everything.kill();

    const dead = await client.callTool({ name: 'everything-echo', arguments: { message: 'while down' } });
    expect(dead.isError).toBe(true);
    expect(dead._meta?.['switchyard/error']).toMatchObject({ reason: expect.stringMatching(/unavailable|upstream_error|timeout/) });
    expect(text(await client.callTool({ name: 'memory-read_graph', arguments: {} }))).toContain('entities');
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools.some((name) => name.startsWith('memory-'))).toBe(true);
    expect(tools.some((name) => name.startsWith('everything-'))).toBe(false);

    restarted = await startEverythingHttp('streamableHttp', port);
    const back = await eventually(
      () => client.callTool({ name: 'everything-echo', arguments: { message: 'after' } }),
      (result) => result.isError !== true,
    );
    expect(text(back)).toBe('Echo: after');
    expect((await client.listTools()).tools.some((tool) => tool.name === 'everything-echo')).toBe(true);
  });
});
