import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { createA2aForwarder } from './a2a-forwarder.js';
import type { A2aCallReport } from './call-report.js';

let agent: EchoAgent;
beforeAll(async () => {
  agent = await startEchoAgent();
});
afterAll(() => agent.close());

it('reports each call to the access context of its own request, after the forwarder-wide onCall', async () => {
  const order: string[] = [];
  const perRequest = new Map<string, A2aCallReport>();
  const forwarder = createA2aForwarder({
    registry: A2aAgentRegistry.fromConfig([{ agent_name: 'echo', url: agent.url }]),
    onCall: (report) => order.push(`global:${report.outcome}`),
  });
  const server = createServer((req, res) => {
    const caller = String(req.headers['x-caller']);
    const agents = caller === 'allowed' ? '*' : [];
    void forwarder.handle(req, res, {
      agents,
      onCall: (report) => {
        order.push(`${caller}:${report.outcome}`);
        perRequest.set(caller, report);
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a2a/echo/`;
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'message/send', params: { message: { kind: 'message', messageId: 'm', role: 'user', parts: [{ kind: 'text', text: 'msg:hi' }] } } });
  try {
    for (const caller of ['allowed', 'refused']) {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-caller': caller }, body }).then((response) => response.text());
    }
    expect(order).toEqual(['global:ok', 'allowed:ok', 'global:refused', 'refused:refused']);
    expect(perRequest.get('allowed')).toMatchObject({ agent: 'echo', model: 'a2a/echo', method: 'message/send', status: 200 });
    expect(perRequest.get('refused')).toMatchObject({ status: 403 });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
