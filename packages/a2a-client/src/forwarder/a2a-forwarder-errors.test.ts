import { TaskState } from '@a2a-js/sdk';
import { parseSseStream } from '@switchyard/provider-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toSendMessageRequest } from '../client/message-input.js';
import { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { fetchWithKey, officialClient, startTestGateway, type TestGateway } from '../test-support/test-gateway.test-utils.js';

let agent: EchoAgent;
let registry: A2aAgentRegistry;
let gateway: TestGateway;
let downUrl: string;

beforeAll(async () => {
  agent = await startEchoAgent();
  const down = await startEchoAgent();
  downUrl = down.url;
  await down.close();
  registry = A2aAgentRegistry.fromConfig([
    { agent_name: 'echo', url: agent.url },
    { agent_name: 'impatient', url: agent.url, timeout: 0.3 },
    { agent_name: 'down', url: downUrl, headers: { authorization: 'Bearer down-secret-9999' } },
    { agent_name: 'locked', url: agent.url, headers: { authorization: 'Bearer wrong-agent-secret' } },
  ]);
  gateway = await startTestGateway(registry, { 'sk-all': '*' }, { maxRequestBytes: 2048 });
});

afterAll(async () => {
  await gateway.close();
  await agent.close();
});

const at = (name: string) => `${gateway.origin}/a2a/${name}/`;
const call = fetchWithKey('sk-all');

function post(name: string, body: string, headers: Record<string, string> = {}) {
  return call(at(name), { method: 'POST', headers: { 'content-type': 'application/json', 'a2a-version': '1.0', ...headers }, body });
}

function rpc(method: string, params: unknown, id: number | string = 1) {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params });
}

describe('requests the gateway answers itself', () => {
  it('404s an unknown agent and an unknown route, with a JSON-RPC error', async () => {
    const unknown = await post('nobody', rpc('GetTask', { id: 'x' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: -32000, message: expect.stringContaining('"nobody"') } });
    const route = await call(`${at('echo')}tasks/list`);
    expect(route.status).toBe(404);
    expect(gateway.reports.at(-1)).toMatchObject({ agent: 'echo', outcome: 'not_found', status: 404 });
  });

  it('refuses what is not one JSON-RPC request it forwards, without calling the agent', async () => {
    const before = agent.requests.length;
    const notJson = await post('echo', '{"jsonrpc":');
    expect([notJson.status, ((await notJson.json()) as { error: { code: number } }).error.code]).toEqual([400, -32700]);
    const batch = await post('echo', `[${rpc('GetTask', { id: 'x' })}]`);
    expect([batch.status, ((await batch.json()) as { error: { code: number } }).error.code]).toEqual([400, -32600]);
    const unknownMethod = await post('echo', rpc('tasks/explode', {}, 'u1'));
    expect(await unknownMethod.json()).toMatchObject({ id: 'u1', error: { code: -32601 } });
    const listTasks = await post('echo', rpc('ListTasks', {}, 'l1'));
    expect(await listTasks.json()).toMatchObject({ id: 'l1', error: { code: -32004 } });
    const pushConfig = await post('echo', rpc('tasks/pushNotificationConfig/set', { taskId: 't', pushNotificationConfig: { url: 'http://127.0.0.1:1/' } }));
    expect(await pushConfig.json()).toMatchObject({ error: { code: -32004 } });
    const get = await call(at('echo'));
    expect(get.status).toBe(405);
    const tooLarge = await post('echo', rpc('SendMessage', { message: { messageId: 'big', role: 'ROLE_USER', parts: [{ text: 'x'.repeat(4096) }] } }));
    expect(tooLarge.status).toBe(413);
    expect(agent.requests.length).toBe(before);
    expect(gateway.reports.at(-1)).toMatchObject({ method: 'unknown', outcome: 'bad_request', status: 413 });
  });

  it('answers 413 to a chunked body that grows past the limit', async () => {
    const chunk = new TextEncoder().encode(`{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"pad":"${'y'.repeat(3000)}"}}`);
    const body = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(chunk); controller.close(); } });
    const response = await call(at('echo'), { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: -32600 } });
  });
});

describe('agents that fail', () => {
  it('answers 502 with -32603 for an agent that cannot be reached, naming it without its URL or headers', async () => {
    for (const response of [await post('down', rpc('GetTask', { id: 'x' }, 9)), await call(`${at('down')}.well-known/agent-card.json`)]) {
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: -32603, message: expect.stringContaining('a2a/down') } });
      expect(text).not.toContain('down-secret-9999');
      expect(text).not.toContain(new URL(downUrl).host);
    }
    expect(gateway.reports.at(-1)).toMatchObject({ agent: 'down', outcome: 'unavailable', status: 502 });
  });

  it("turns an agent's 401 (the gateway's credentials refused) into a 502 for the caller", async () => {
    const locked = await startEchoAgent({ requireHeaders: { authorization: 'Bearer right-agent-secret' } });
    registry.register({ agent_name: 'locked', url: locked.url, headers: { authorization: 'Bearer wrong-agent-secret' } });
    try {
      const response = await post('locked', rpc('GetTask', { id: 'x' }));
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).toContain('refused the gateway');
      expect(text).not.toContain('wrong-agent-secret');
    } finally {
      await locked.close();
    }
  });

  it('answers 504 when a blocking call outlives the agent timeout', async () => {
    const response = await post('impatient', rpc('SendMessage', { message: { messageId: 'w1', role: 'ROLE_USER', parts: [{ text: 'wait' }] } }));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: -32603 } });
    expect(gateway.reports.at(-1)).toMatchObject({ agent: 'impatient', method: 'SendMessage', outcome: 'timeout', status: 504 });
  });

  it('ends a stream with an error event when the agent goes silent past the timeout', async () => {
    const response = await post('impatient', rpc('SendStreamingMessage', { message: { messageId: 'w2', role: 'ROLE_USER', parts: [{ text: 'wait' }] } }, 's1'));
    expect(response.status).toBe(200);
    const events: { result?: unknown; error?: { code: number } }[] = [];
    for await (const event of parseSseStream(response.body as AsyncIterable<Uint8Array>)) events.push(JSON.parse(event.data));
    expect(events.map((event) => Object.keys(event.result ?? event.error ?? {})[0] ?? 'code')).toEqual(['task', 'statusUpdate', 'code']);
    expect(events[2]).toMatchObject({ id: 's1', error: { code: -32603 } });
    expect(gateway.reports.at(-1)).toMatchObject({ agent: 'impatient', stream: true, events: 2, outcome: 'timeout' });
  });
});

describe('streams and callers', () => {
  it('relays each event before the agent publishes the next one', { timeout: 15_000 }, async () => {
    const opened: (() => void)[] = [];
    const gates = [0, 1, 2].map(() => new Promise<void>((resolve) => opened.push(resolve)));
    const held = await startEchoAgent({ beforeChunk: (index) => gates[index] ?? Promise.resolve() });
    registry.register({ agent_name: 'held', url: held.url });
    try {
      const client = await officialClient(at('held'), 'sk-all');
      const seen: string[] = [];
      // The agent publishes chunk n only once this loop has received the event before it: a forwarder that held
      // events back would never let the stream finish.
      for await (const event of client.sendMessageStream(toSendMessageRequest('a b c'))) {
        seen.push(String(event.payload?.$case));
        opened[seen.length - 2]?.();
      }
      expect(seen).toEqual(['task', 'statusUpdate', 'artifactUpdate', 'artifactUpdate', 'artifactUpdate', 'statusUpdate']);
    } finally {
      await held.close();
    }
  });

  it('aborts the request to the agent when the caller goes away mid-stream', async () => {
    const abortedBefore = agent.abortedResponses;
    const response = await post('echo', rpc('SendStreamingMessage', { message: { messageId: 'gone', role: 'ROLE_USER', parts: [{ text: 'wait' }] } }), {});
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(agent.abortedResponses).toBe(abortedBefore + 1), { timeout: 10_000 });
    await vi.waitFor(() => expect(gateway.reports.at(-1)).toMatchObject({ method: 'SendStreamingMessage', outcome: 'client_closed' }));
  });

  it('forwards a body the gateway already read, and serves agents registered or removed at run time', async () => {
    const framework = await startTestGateway(registry, { 'sk-all': '*' }, { readBodyFirst: true });
    registry.register({ agent_name: 'late', url: agent.url });
    try {
      const url = `${framework.origin}/a2a/late/`;
      const client = await officialClient(url, 'sk-all');
      const result = await client.sendMessage(toSendMessageRequest('late arrival'));
      expect('status' in result && result.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
      registry.remove('late');
      const gone = await fetchWithKey('sk-all')(url, { method: 'POST', body: rpc('GetTask', { id: 'x' }) });
      expect(gone.status).toBe(404);
    } finally {
      await framework.close();
    }
  });
});
