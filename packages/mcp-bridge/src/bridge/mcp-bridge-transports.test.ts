import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy, type RecordingProxy } from '../test-support/recording-proxy.js';
import { everythingStdio, startEverythingHttp, type HttpPeer } from '../testing/mcp-peers.js';
import { McpBridge } from './mcp-bridge.js';
import { McpBridgeError } from './mcp-bridge-error.js';

const upstreamSecret = 'upstream-token-6f1e2d';
let httpPeer: HttpPeer;
let ssePeer: HttpPeer;
let proxy: RecordingProxy;
let bridge: McpBridge;

beforeAll(async () => {
  [httpPeer, ssePeer] = await Promise.all([startEverythingHttp('streamableHttp'), startEverythingHttp('sse')]);
  proxy = await startRecordingProxy(httpPeer.port);
  bridge = McpBridge.create({
    viastdio: everythingStdio(),
    viahttp: {
      transport: 'http',
      url: proxy.url('/mcp'),
      auth_type: 'bearer_token',
      auth_value: upstreamSecret,
      extra_headers: ['x-tenant'],
    },
    viasse: { transport: 'sse', url: ssePeer.url },
  });
});

afterAll(async () => {
  await bridge.close();
  await proxy.close();
  await Promise.all([httpPeer.kill(), ssePeer.kill()]);
});

describe('the same upstream over stdio, streamable HTTP and SSE', () => {
  it('lists the same tools and gives the same results over every transport', async () => {
    const servers = ['viastdio', 'viahttp', 'viasse'];
    const lists = await Promise.all(servers.map((server) => bridge.listTools({ allowedServers: [server] })));
    const names = lists.map((tools, index) => tools.map((tool) => tool.name.slice(servers[index]!.length + 1)).sort());
    expect(names[0]!.length).toBeGreaterThan(0);
    expect(names[1]).toEqual(names[0]);
    expect(names[2]).toEqual(names[0]);

    const sums = await Promise.all(servers.map((server) => bridge.callTool(`${server}-get-sum`, { a: 19, b: 23 })));
    expect(sums[1]).toEqual(sums[0]);
    expect(sums[2]).toEqual(sums[0]);
    expect(JSON.stringify(sums[0])).toContain('42');
  });

  it('sends the configured credential upstream and forwards only the listed client headers', async () => {
    proxy.requests.length = 0;
    const headers = { 'x-tenant': 'acme', authorization: 'Bearer sk-gateway-virtual-key', 'x-other': 'no' };
    await bridge.callTool('viahttp-echo', { message: 'hi' }, { headers });
    const call = proxy.requests.find((request) => request.method === 'POST');
    expect(call?.headers['authorization']).toBe(`Bearer ${upstreamSecret}`);
    expect(call?.headers['x-tenant']).toBe('acme');
    expect(call?.headers['x-other']).toBeUndefined();
    expect(JSON.stringify(proxy.requests)).not.toContain('sk-gateway-virtual-key');
  });

  it('keeps the credential out of errors when the upstream is down', async () => {
    const down = McpBridge.create({
      gone: { transport: 'http', url: 'http://127.0.0.1:9/mcp', auth_type: 'api_key', auth_value: upstreamSecret },
    });
    const failure = await down.callTool('gone-echo', { message: 'x' }).catch((error) => error);
    await down.close();
    expect(McpBridgeError.isMcpBridgeError(failure) && failure.reason).toBe('unavailable');
    expect(`${failure.message} ${JSON.stringify(failure)} ${String(failure.cause)}`).not.toContain(upstreamSecret);
  });
});
