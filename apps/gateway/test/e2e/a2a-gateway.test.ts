import { TaskState, type SendMessageRequest, type StreamResponse } from '@a2a-js/sdk';
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, type Client } from '@a2a-js/sdk/client';
import { TaskNotFoundError } from '@a2a-js/sdk/errors';
import { partsText, userMessage } from '@switchyard/a2a-client';
import { startEchoAgent, type EchoAgent } from '@switchyard/a2a-client/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { servicesMasterKey, testGovernance, type TestGovernance } from '../support/test-governance.js';
import { withinOneRateWindow } from '../support/rate-window.js';

let agent: EchoAgent;
let governance: TestGovernance;
let harness: Harness;
let keys: { all: string; echoOnly: string; none: string };
let agentUrl: string;

function withKey(key: string | undefined): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (key !== undefined) headers.set('authorization', `Bearer ${key}`);
    return fetch(input, { ...init, headers });
  };
}

/** The official A2A client (the SDK's ClientFactory) for a URL at the gateway, sending the gateway key. */
function officialClient(url: string, key: string): Promise<Client> {
  const fetchImpl = withKey(key);
  const factory = new ClientFactory({
    transports: [new JsonRpcTransportFactory({ fetchImpl })],
    cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
  });
  return factory.createFromUrl(url);
}

function request(text: string): SendMessageRequest {
  return { tenant: '', message: userMessage(text), configuration: undefined, metadata: undefined };
}

function describeEvent(response: StreamResponse): string {
  const payload = response.payload;
  if (payload?.$case === 'task') return `task:${TaskState[payload.value.status!.state]}`;
  if (payload?.$case === 'statusUpdate') return `status:${TaskState[payload.value.status!.state]}`;
  if (payload?.$case === 'artifactUpdate') return `artifact:${partsText(payload.value.artifact!.parts)}|append=${payload.value.append}|last=${payload.value.lastChunk}`;
  return String(payload?.$case);
}

function rpc(method: string, params: unknown) {
  return JSON.stringify({ jsonrpc: '2.0', id: 7, method, params });
}

beforeAll(async () => {
  agent = await startEchoAgent();
  harness = await startHarness(
    `general_settings: {master_key: ${servicesMasterKey}}
model_list: []
a2a_agents:
  - agent_name: echo
    url: ${agent.url}
    cost_per_query: 0.02
  - agent_name: other
    url: ${agent.url}
`,
  );
  governance = testGovernance(harness.gateway);
  keys = {
    all: await governance.issueKey({ keyAlias: 'all-agents' }),
    echoOnly: await governance.issueKey({ objectPermission: { agents: ['echo'] } }),
    none: await governance.issueKey({ objectPermission: { agents: [] } }),
  };
  agentUrl = `${harness.url}/a2a/echo/`;
}, 120_000);
afterAll(async () => {
  await harness.close();
  await agent.close();
});

describe('/a2a/{agent}/ with the official A2A client and a real @a2a-js/sdk agent', () => {
  it('serves the agent card with its URLs rewritten to the gateway', async () => {
    const response = await withKey(keys.all)(`${agentUrl}.well-known/agent-card.json`, { headers: { 'a2a-version': '1.0' } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const card = JSON.parse(text) as { name: string; supportedInterfaces: Array<{ url: string }> };
    expect(card.name).toBe('echo');
    expect(card.supportedInterfaces.length).toBeGreaterThan(0);
    expect(card.supportedInterfaces.every((entry) => entry.url === agentUrl)).toBe(true);
    expect(text).not.toContain(new URL(agent.url).host);
  });

  it('sends a message (direct answer and task), gets the task, and keeps the unknown-task error', async () => {
    const client = await officialClient(agentUrl, keys.echoOnly);
    const direct = await client.sendMessage(request('msg:hello gateway'));
    expect('messageId' in direct && partsText(direct.parts)).toBe('echo hello gateway');
    const task = await client.sendMessage(request('find me'));
    if (!('status' in task)) throw new Error('expected a task');
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(await client.getTask({ tenant: '', id: task.id })).toMatchObject({ id: task.id, status: { state: TaskState.TASK_STATE_COMPLETED } });
    const error = await client.getTask({ tenant: '', id: 'no-such-task' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect((error as { envelopeCode?: number }).envelopeCode).toBe(-32001);
  });

  it('streams every event, in order', async () => {
    const client = await officialClient(agentUrl, keys.all);
    const events: string[] = [];
    for await (const event of client.sendMessageStream(request('one two three'))) events.push(describeEvent(event));
    expect(events).toEqual([
      'task:TASK_STATE_SUBMITTED',
      'status:TASK_STATE_WORKING',
      'artifact:one |append=false|last=false',
      'artifact:two |append=true|last=false',
      'artifact:three |append=true|last=true',
      'status:TASK_STATE_COMPLETED',
    ]);
  });

  it('cancels a running task', async () => {
    const client = await officialClient(agentUrl, keys.all);
    const stream = client.sendMessageStream(request('wait'));
    const first = await stream.next();
    if (first.done || first.value.payload?.$case !== 'task') throw new Error('expected the task first');
    const canceled = await client.cancelTask({ tenant: '', id: first.value.payload.value.id, metadata: undefined });
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    for await (const _event of stream) void _event;
  });

  it('answers JSON-RPC with and without the trailing slash, v0.3 method names included', async () => {
    for (const url of [agentUrl, agentUrl.slice(0, -1)]) {
      const response = await withKey(keys.all)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: rpc('message/send', { message: { kind: 'message', messageId: 'm1', role: 'user', parts: [{ kind: 'text', text: 'msg:v03' }] } }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: 7, result: { kind: 'message', role: 'agent', parts: [{ kind: 'text', text: 'echo v03' }] } });
    }
  });
});

describe('access', () => {
  it('refuses a missing or unknown key with 401, and an agent outside object_permission with 403, without calling it', async () => {
    const before = agent.requests.length;
    const body = rpc('message/send', { message: { kind: 'message', messageId: 'm2', role: 'user', parts: [{ kind: 'text', text: 'msg:x' }] } });
    const post = (key: string | undefined, url = agentUrl) => withKey(key)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post(undefined)).status).toBe(401);
    expect((await post('sk-unknown')).status).toBe(401);
    expect((await post(keys.none)).status).toBe(403);
    expect((await post(keys.echoOnly, `${harness.url}/a2a/other/`)).status).toBe(403);
    expect((await withKey(keys.none)(`${agentUrl}.well-known/agent-card.json`)).status).toBe(403);
    expect(agent.requests.length).toBe(before);
    await expect(officialClient(agentUrl, keys.none)).rejects.toThrow();
  });

  it('counts calls against the key rate limit (429 once it is used up)', async () => {
    const limited = await governance.issueKey({ rpmLimit: 2 });
    await withinOneRateWindow();
    const body = rpc('message/send', { message: { kind: 'message', messageId: 'm3', role: 'user', parts: [{ kind: 'text', text: 'msg:limited' }] } });
    const statuses: number[] = [];
    for (let call = 0; call < 3; call++) {
      statuses.push((await withKey(limited)(agentUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('never sends the caller key to the agent', async () => {
    const client = await officialClient(agentUrl, keys.all);
    await client.sendMessage(request('msg:secret check'));
    for (const recorded of agent.requests) {
      expect(JSON.stringify(recorded.headers)).not.toContain(keys.all);
      expect(recorded.headers['authorization']).toBeUndefined();
    }
  });
});

describe('logging', () => {
  it('logs each call as model a2a/<agent> in the spend logs (with the configured cost) and in the log lines', async () => {
    const client = await officialClient(agentUrl, keys.echoOnly);
    await client.sendMessage(request('msg:logged'));
    const logs = await governance.spendLogs('a2a/');
    const echo = logs.filter((log) => log.modelGroup === 'a2a/echo' && log.status === 'success');
    const calls = echo.filter((log) => log.metadata?.['method'] !== 'agent-card');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((log) => log.provider === 'a2a' && log.cost === 0.02)).toBe(true);
    // Fetching the card is logged but not charged.
    expect(echo.filter((log) => log.metadata?.['method'] === 'agent-card').every((log) => log.cost === 0)).toBe(true);
    expect(logs.some((log) => log.status === 'failure' && log.errorClass === 'refused')).toBe(true);
    const lines = harness.logs.filter((line) => line['kind'] === 'a2a');
    expect(lines.some((line) => line['model'] === 'a2a/echo' && line['method'] === 'SendMessage' && typeof line['latencyMs'] === 'number')).toBe(true);
    expect(lines.some((line) => line['stream'] === true && line['events'] === 6)).toBe(true);
    for (const key of Object.values(keys)) expect(harness.rawLogs.join('\n')).not.toContain(key);
  });
});
