import { TaskState, type StreamResponse } from '@a2a-js/sdk';
import { TaskNotFoundError } from '@a2a-js/sdk/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSendMessageRequest, partsText } from '../client/message-input.js';
import { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { fetchWithKey, officialClient, startTestGateway, type TestGateway } from '../test-support/test-gateway.test-utils.js';

let agent: EchoAgent;
let gateway: TestGateway;
let agentUrl: string;

beforeAll(async () => {
  agent = await startEchoAgent({ requireHeaders: { 'x-agent-key': 'agent-secret-5678' } });
  const registry = A2aAgentRegistry.fromConfig([
    { agent_name: 'echo', url: agent.url, headers: { 'X-Agent-Key': 'agent-secret-5678' } },
    { agent_name: 'other', url: agent.url },
  ]);
  gateway = await startTestGateway(registry, { 'sk-all': '*', 'sk-other-only': ['other'] });
  agentUrl = `${gateway.origin}/a2a/echo/`;
});

afterAll(async () => {
  await gateway.close();
  await agent.close();
});

function describeEvent(response: StreamResponse): string {
  const payload = response.payload;
  switch (payload?.$case) {
    case 'task':
      return `task:${TaskState[payload.value.status!.state]}`;
    case 'statusUpdate':
      return `status:${TaskState[payload.value.status!.state]}`;
    case 'artifactUpdate':
      return `artifact:${partsText(payload.value.artifact!.parts)}|append=${payload.value.append}|last=${payload.value.lastChunk}`;
    default:
      return String(payload?.$case);
  }
}

async function agentRequestsDuring(run: () => Promise<unknown>) {
  const before = agent.requests.length;
  await run();
  return agent.requests.slice(before);
}

describe('the agent card at the gateway', () => {
  it('is the agent\'s card with every interface URL pointing at the gateway', async () => {
    const response = await fetchWithKey('sk-all')(`${agentUrl}.well-known/agent-card.json`, { headers: { 'a2a-version': '1.0' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toBe('A2A-Version');
    const text = await response.text();
    const card = JSON.parse(text) as { name: string; supportedInterfaces: { url: string; protocolVersion: string }[]; url?: string };
    expect(card.name).toBe('echo');
    expect(card.url).toBeUndefined();
    expect(card.supportedInterfaces.map((entry) => [entry.url, entry.protocolVersion])).toEqual([[agentUrl, '1.0'], [agentUrl, '0.3']]);
    expect(text).not.toContain(new URL(agent.url).host);
  });

  it('comes in the 0.3 shape when the caller sends no A2A-Version, still pointing at the gateway', async () => {
    const response = await fetchWithKey('sk-all')(`${agentUrl}.well-known/agent-card.json`);
    const card = (await response.json()) as { url: string; protocolVersion: string; preferredTransport: string };
    expect(card).toMatchObject({ url: agentUrl, protocolVersion: '0.3', preferredTransport: 'JSONRPC' });
  });
});

describe('the official A2A client pointed at the forwarder', () => {
  it('sends messages: a direct answer and a finished task', async () => {
    const client = await officialClient(agentUrl, 'sk-all');
    expect(client.protocolVersion).toBe('1.0');
    const direct = await client.sendMessage(toSendMessageRequest('msg:through the gateway'));
    expect('messageId' in direct && partsText(direct.parts)).toBe('echo through the gateway');
    const task = await client.sendMessage(toSendMessageRequest('x y'));
    expect('status' in task && task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
  });

  it('streams every event, in order, the same as calling the agent directly', async () => {
    const viaGateway = await officialClient(agentUrl, 'sk-all');
    const events: string[] = [];
    for await (const event of viaGateway.sendMessageStream(toSendMessageRequest('one two three'))) events.push(describeEvent(event));
    expect(events).toEqual([
      'task:TASK_STATE_SUBMITTED',
      'status:TASK_STATE_WORKING',
      'artifact:one |append=false|last=false',
      'artifact:two |append=true|last=false',
      'artifact:three |append=true|last=true',
      'status:TASK_STATE_COMPLETED',
    ]);
    const agentDirect = await startEchoAgent();
    try {
      const direct = await officialClient(agentDirect.url, 'unused');
      const directEvents: string[] = [];
      for await (const event of direct.sendMessageStream(toSendMessageRequest('one two three'))) directEvents.push(describeEvent(event));
      expect(events).toEqual(directEvents);
    } finally {
      await agentDirect.close();
    }
  });

  it('gets a task, and keeps the TaskNotFound error (-32001) for an unknown one', async () => {
    const client = await officialClient(agentUrl, 'sk-all');
    const sent = await client.sendMessage(toSendMessageRequest('find me'));
    if (!('status' in sent)) throw new Error('expected a task');
    const task = await client.getTask({ tenant: '', id: sent.id });
    expect(task).toMatchObject({ id: sent.id, status: { state: TaskState.TASK_STATE_COMPLETED } });
    const error = await client.getTask({ tenant: '', id: 'no-such-task' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect((error as { envelopeCode?: number }).envelopeCode).toBe(-32001);
  });

  it('cancels a running task', async () => {
    const client = await officialClient(agentUrl, 'sk-all');
    const stream = client.sendMessageStream(toSendMessageRequest('wait'));
    const first = await stream.next();
    if (first.done || first.value.payload?.$case !== 'task') throw new Error('expected the task first');
    const canceled = await client.cancelTask({ tenant: '', id: first.value.payload.value.id, metadata: undefined });
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    const rest: string[] = [];
    for await (const event of stream) rest.push(describeEvent(event));
    expect(rest.at(-1)).toBe('status:TASK_STATE_CANCELED');
  });
});

describe('access and credentials', () => {
  it('refuses an agent the access context does not include, with 403 and a JSON-RPC error, without calling it', async () => {
    const requests = await agentRequestsDuring(async () => {
      const call = await fetchWithKey('sk-other-only')(agentUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'a2a-version': '1.0' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'GetTask', params: { id: 'x' } }),
      });
      expect(call.status).toBe(403);
      expect(await call.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, message: expect.stringContaining('"echo"') } });
      const card = await fetchWithKey('sk-other-only')(`${agentUrl}.well-known/agent-card.json`);
      expect(card.status).toBe(403);
      await expect(officialClient(agentUrl, 'sk-other-only')).rejects.toThrow();
    });
    expect(requests).toEqual([]);
  });

  it("never lets the caller's Authorization (or other headers) reach the agent; sends the agent's own", async () => {
    const requests = await agentRequestsDuring(async () => {
      const response = await fetch(agentUrl, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk-all',
          cookie: 'session=caller-cookie',
          'x-api-key': 'caller-api-key',
          'content-type': 'application/json',
          'a2a-version': '1.0',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'SendMessage', params: { message: { messageId: 'm1', role: 'ROLE_USER', parts: [{ text: 'msg:hi' }] } } }),
      });
      expect(response.status).toBe(200);
      const client = await officialClient(agentUrl, 'sk-all');
      for await (const _event of client.sendMessageStream(toSendMessageRequest('s t'))) {
        // drain
      }
    });
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.rpcMethod)).toEqual(['SendMessage', 'SendStreamingMessage']);
    for (const request of requests) {
      expect(request.headers['authorization']).toBeUndefined();
      expect(request.headers['cookie']).toBeUndefined();
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers['x-agent-key']).toBe('agent-secret-5678');
      expect(JSON.stringify(request.headers)).not.toContain('sk-all');
    }
    expect(posts[0]!.headers['a2a-version']).toBe('1.0');
  });
});

describe('call reports', () => {
  it('reports each call with agent, model, method, status, outcome and duration', async () => {
    gateway.reports.length = 0;
    const client = await officialClient(agentUrl, 'sk-all');
    for await (const _event of client.sendMessageStream(toSendMessageRequest('p q'))) {
      // drain
    }
    await client.getTask({ tenant: '', id: 'nope' }).catch(() => undefined);
    await fetchWithKey('sk-other-only')(`${agentUrl}.well-known/agent-card.json`);
    const [card, stream, get, refused] = gateway.reports;
    expect(gateway.reports).toHaveLength(4);
    expect(card).toMatchObject({ agent: 'echo', model: 'a2a/echo', method: 'agent-card', status: 200, outcome: 'ok' });
    expect(stream).toMatchObject({
      agent: 'echo', model: 'a2a/echo', method: 'SendStreamingMessage', protocolVersion: '1.0', stream: true,
      events: 5, status: 200, outcome: 'ok', taskState: 'TASK_STATE_COMPLETED',
    });
    expect(stream!.taskId).toMatch(/[0-9a-f-]{36}/);
    expect(get).toMatchObject({ method: 'GetTask', stream: false, status: 200, outcome: 'agent_error', errorCode: -32001 });
    expect(refused).toMatchObject({ agent: 'echo', status: 403, outcome: 'refused' });
    for (const report of gateway.reports) expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });
});
