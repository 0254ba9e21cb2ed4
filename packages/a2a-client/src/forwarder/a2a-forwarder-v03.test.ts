import { TaskState } from '@a2a-js/sdk';
import { TaskNotFoundError } from '@a2a-js/sdk/errors';
import { parseSseStream } from '@switchyard/provider-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { partsText, toSendMessageRequest } from '../client/message-input.js';
import { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { fetchWithKey, officialClient, startTestGateway, type TestGateway } from '../test-support/test-gateway.test-utils.js';

let registry: A2aAgentRegistry;
let legacyAgent: EchoAgent;
let dualAgent: EchoAgent;
let gateway: TestGateway;

beforeAll(async () => {
  legacyAgent = await startEchoAgent({ protocol: 'v0.3' });
  dualAgent = await startEchoAgent();
  registry = A2aAgentRegistry.fromConfig([
    { agent_name: 'old', url: legacyAgent.url },
    { agent_name: 'dual', url: dualAgent.url },
  ]);
  gateway = await startTestGateway(registry, { 'sk-all': '*' });
});

afterAll(async () => {
  await gateway.close();
  await legacyAgent.close();
  await dualAgent.close();
});

const at = (agent: string) => `${gateway.origin}/a2a/${agent}/`;

function postRpc(agent: string, body: unknown, headers: Record<string, string> = {}) {
  return fetchWithKey('sk-all')(at(agent), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const legacyMessage = (text: string) => ({ kind: 'message', messageId: `m-${text}`, role: 'user', parts: [{ kind: 'text', text }] });

describe('a 0.3-only agent behind the forwarder', () => {
  it('serves its 0.3 card with the url at the gateway', async () => {
    const response = await fetchWithKey('sk-all')(`${at('old')}.well-known/agent-card.json`);
    const card = (await response.json()) as Record<string, unknown>;
    expect(card).toMatchObject({ protocolVersion: '0.3.0', url: at('old'), preferredTransport: 'JSONRPC' });
    expect(JSON.stringify(card)).not.toContain(new URL(legacyAgent.url).host);
  });

  it('puts the configured public URL in the card when there is one', async () => {
    const behindProxy = await startTestGateway(registry, { 'sk-all': '*' }, { publicUrl: 'https://gateway.example.test/', mountPath: '/agents' });
    try {
      const response = await fetchWithKey('sk-all')(`${behindProxy.origin}/agents/old/.well-known/agent-card.json`);
      expect(await response.json()).toMatchObject({ url: 'https://gateway.example.test/agents/old/' });
    } finally {
      await behindProxy.close();
    }
  });

  it('answers the official client (compat layer on) in 0.3: send, stream, get, unknown task', async () => {
    const viaUrl = await officialClient(at('old'), 'sk-all');
    expect(viaUrl.protocolVersion).toBe('0.3');
    const direct = await viaUrl.sendMessage(toSendMessageRequest('msg:old times'));
    expect('messageId' in direct && partsText(direct.parts)).toBe('echo old times');
    const states: string[] = [];
    for await (const event of viaUrl.sendMessageStream(toSendMessageRequest('x y'))) states.push(String(event.payload?.$case));
    expect(states).toEqual(['task', 'statusUpdate', 'artifactUpdate', 'artifactUpdate', 'statusUpdate']);
    await expect(viaUrl.getTask({ tenant: '', id: 'gone' })).rejects.toBeInstanceOf(TaskNotFoundError);
    const methods = legacyAgent.requests.filter((request) => request.method === 'POST').map((request) => request.rpcMethod);
    expect(methods).toEqual(['message/send', 'message/stream', 'tasks/get']);
  });

  it('relays a raw 0.3 message/stream event by event, in 0.3 shapes', async () => {
    const response = await postRpc('old', { jsonrpc: '2.0', id: 'r1', method: 'message/stream', params: { message: legacyMessage('one two') } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const kinds: string[] = [];
    for await (const event of parseSseStream(response.body as AsyncIterable<Uint8Array>)) {
      const data = JSON.parse(event.data) as { id: string; result: { kind: string; status?: { state: string } } };
      expect(data.id).toBe('r1');
      kinds.push(data.result.status ? `${data.result.kind}:${data.result.status.state}` : data.result.kind);
    }
    expect(kinds).toEqual(['task:submitted', 'status-update:working', 'artifact-update', 'artifact-update', 'status-update:completed']);
    expect(gateway.reports.at(-1)).toMatchObject({ agent: 'old', method: 'message/stream', protocolVersion: '0.3', events: 5, taskState: 'completed' });
  });
});

describe('version negotiation passes through to a dual-version agent', () => {
  it('answers a raw 0.3 message/send (no A2A-Version) in the 0.3 shape', async () => {
    const response = await postRpc('dual', { jsonrpc: '2.0', id: 3, method: 'message/send', params: { message: legacyMessage('a b') } });
    const body = (await response.json()) as { result: { kind: string; status: { state: string } } };
    expect(body.result).toMatchObject({ kind: 'task', status: { state: 'completed' } });
  });

  it('passes the agent\'s -32009 through for a version it does not support', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined); // the SDK logs the refusal
    const response = await postRpc('dual', { jsonrpc: '2.0', id: 4, method: 'GetTask', params: { id: 'x' } }, { 'a2a-version': '9.9' });
    expect(await response.json()).toMatchObject({ id: 4, error: { code: -32009 } });
    quiet.mockRestore();
  });

  it('gives 1.0 shapes to a 1.0 call', async () => {
    const response = await postRpc('dual', {
      jsonrpc: '2.0', id: 5, method: 'SendMessage',
      params: { message: { messageId: 'v1', role: 'ROLE_USER', parts: [{ text: 'c d' }] } },
    }, { 'a2a-version': '1.0' });
    const body = (await response.json()) as { result: { task: { status: { state: string } } } };
    expect(body.result.task.status.state).toBe(TaskState[TaskState.TASK_STATE_COMPLETED]);
  });
});
