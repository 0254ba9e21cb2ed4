import { TaskState } from '@a2a-js/sdk';
import { ClientFactory, JsonRpcTransportFactory } from '@a2a-js/sdk/client';
import { TaskNotFoundError } from '@a2a-js/sdk/errors';
import { createHttpClient } from '@switchyard/provider-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { discoverAgentCard } from '../agent-card/discover-agent-card.js';
import { createA2aClient, type A2aClient } from './a2a-client.js';
import { partsText, toSendMessageRequest } from './message-input.js';

const http = createHttpClient();
let agent: EchoAgent;
let client: A2aClient;

beforeAll(async () => {
  agent = await startEchoAgent({ protocol: 'v0.3' });
  client = await createA2aClient(agent.url, { http });
});

afterAll(async () => {
  await agent.close();
  await http.close();
});

function rpcMethods(): (string | undefined)[] {
  return agent.requests.filter((request) => request.method === 'POST').map((request) => request.rpcMethod);
}

describe('the 0.3 compatibility path, against an agent that speaks only A2A 0.3', () => {
  it('is really a 0.3-only agent: a 1.0 client without the compat layer cannot call it', async () => {
    const strict = new ClientFactory({ transports: [new JsonRpcTransportFactory()] });
    const card = await discoverAgentCard(agent.url, { http });
    const sdk = await strict.createFromAgentCard({ ...card, supportedInterfaces: card.supportedInterfaces.map((entry) => ({ ...entry, protocolVersion: '1.0' })) });
    await expect(sdk.sendMessage(toSendMessageRequest('msg:hi'))).rejects.toThrow(/Method not found: SendMessage/);
  });

  it('reads the 0.3 card and speaks 0.3 to the agent', () => {
    expect(client.protocolVersion).toBe('0.3');
    expect(client.card.supportedInterfaces[0]).toMatchObject({ url: agent.url, protocolBinding: 'JSONRPC', protocolVersion: '0.3.0' });
  });

  it('sends with message/send and reads the 0.3 answer', async () => {
    const direct = await client.sendMessage('msg:hello');
    expect(direct.type === 'message' && partsText(direct.message.parts)).toBe('echo hello');
    const task = await client.sendMessage('one two');
    expect(task.type === 'task' && task.task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(rpcMethods().slice(-2)).toEqual(['message/send', 'message/send']);
  });

  it('streams with message/stream, every event in order', async () => {
    const kinds: string[] = [];
    for await (const event of client.streamMessage('a b')) {
      kinds.push(event.type === 'artifact-update' ? `artifact:${partsText(event.artifactUpdate.artifact!.parts)}` : event.type);
    }
    expect(kinds).toEqual(['task', 'status-update', 'artifact:a ', 'artifact:b ', 'status-update']);
    expect(rpcMethods().at(-1)).toBe('message/stream');
  });

  it('gets and cancels with tasks/get and tasks/cancel, and keeps TaskNotFound', async () => {
    const sent = await client.sendMessage('keep me');
    if (sent.type !== 'task') throw new Error('expected a task');
    expect((await client.getTask(sent.task.id)).id).toBe(sent.task.id);
    await expect(client.getTask('missing')).rejects.toBeInstanceOf(TaskNotFoundError);
    const stream = client.streamMessage('wait');
    const first = await stream.next();
    if (first.done || first.value.type !== 'task') throw new Error('expected the task first');
    expect((await client.cancelTask(first.value.task.id)).status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    await stream.return(undefined);
    expect(rpcMethods()).toEqual(expect.arrayContaining(['tasks/get', 'tasks/cancel']));
  });
});
