import { TaskState } from '@a2a-js/sdk';
import { TaskNotFoundError } from '@a2a-js/sdk/errors';
import { SwitchyardError } from '@switchyard/core';
import { createHttpClient } from '@switchyard/provider-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { startEchoAgent, type EchoAgent } from '../testing/echo-agent.js';
import { createA2aClient, type A2aClient } from './a2a-client.js';
import type { A2aStreamEvent } from './a2a-events.js';
import { partsText } from './message-input.js';

const http = createHttpClient();
let agent: EchoAgent;
let client: A2aClient;

beforeAll(async () => {
  agent = await startEchoAgent();
  client = await createA2aClient(agent.url, { http, headers: { authorization: 'Bearer agent-secret-1234' } });
});

afterAll(async () => {
  await agent.close();
  await http.close();
});

function describeEvent(event: A2aStreamEvent): string {
  switch (event.type) {
    case 'task':
      return `task:${TaskState[event.task.status!.state]}`;
    case 'message':
      return `message:${partsText(event.message.parts)}`;
    case 'status-update':
      return `status:${TaskState[event.statusUpdate.status!.state]}`;
    case 'artifact-update': {
      const { artifact, append, lastChunk } = event.artifactUpdate;
      return `artifact:${partsText(artifact!.parts)}|append=${append}|last=${lastChunk}`;
    }
  }
}

describe('createA2aClient against a real @a2a-js/sdk agent (A2A 1.0)', () => {
  it('discovers the card and speaks 1.0 to the JSON-RPC interface the card names', () => {
    expect(client.card.name).toBe('echo');
    expect(client.protocolVersion).toBe('1.0');
    const card = agent.requests.find((request) => request.path === '/.well-known/agent-card.json');
    expect(card?.headers['a2a-version']).toBe('1.0');
  });

  it('sends a message and gets the direct answer', async () => {
    const result = await client.sendMessage('msg:hello');
    expect(result.type).toBe('message');
    if (result.type === 'message') expect(partsText(result.message.parts)).toBe('echo hello');
  });

  it('sends a message that starts a task and gets the finished task', async () => {
    const result = await client.sendMessage({ text: 'one two three' });
    expect(result.type).toBe('task');
    if (result.type !== 'task') return;
    expect(result.task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(partsText(result.task.artifacts[0]!.parts)).toBe('one two three ');
  });

  it('streams every event in the order the agent published it', async () => {
    const events: string[] = [];
    for await (const event of client.streamMessage('red green blue')) events.push(describeEvent(event));
    expect(events).toEqual([
      'task:TASK_STATE_SUBMITTED',
      'status:TASK_STATE_WORKING',
      'artifact:red |append=false|last=false',
      'artifact:green |append=true|last=false',
      'artifact:blue |append=true|last=true',
      'status:TASK_STATE_COMPLETED',
    ]);
  });

  it('gets a task by id', async () => {
    const sent = await client.sendMessage('fetch me');
    if (sent.type !== 'task') throw new Error('expected a task');
    const task = await client.getTask(sent.task.id);
    expect(task.id).toBe(sent.task.id);
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
  });

  it("surfaces the protocol's TaskNotFound error unchanged for an unknown task", async () => {
    const error = await client.getTask('no-such-task').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect((error as { envelopeCode?: number }).envelopeCode).toBe(-32001);
    expect((error as Error).message).toContain('no-such-task');
  });

  it('cancels a running task', async () => {
    const stream = client.streamMessage('wait');
    const first = await stream.next();
    if (first.done || first.value.type !== 'task') throw new Error('expected the task first');
    const canceled = await client.cancelTask(first.value.task.id);
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    const rest: string[] = [];
    for await (const event of stream) rest.push(describeEvent(event));
    expect(rest.at(-1)).toBe('status:TASK_STATE_CANCELED');
  });

  it('ends the request to the agent when the consumer stops reading a stream', async () => {
    const abortedBefore = agent.abortedResponses;
    for await (const event of client.streamMessage('wait')) {
      if (event.type === 'task') break;
    }
    await vi.waitFor(() => expect(agent.abortedResponses).toBe(abortedBefore + 1), { timeout: 10_000 });
  });

  it('sends the configured headers to the agent on every request', () => {
    const posts = agent.requests.filter((request) => request.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    for (const request of posts) expect(request.headers['authorization']).toBe('Bearer agent-secret-1234');
  });
});

describe('a registry agent as the target', () => {
  it('uses the agent entry: its URL, headers and timeout', async () => {
    const registry = A2aAgentRegistry.fromConfig([{ agent_name: 'echo', url: agent.url, headers: { 'x-agent-key': 'from-registry' } }]);
    const fromRegistry = await createA2aClient(registry.get('echo')!, { http });
    const before = agent.requests.length;
    const result = await fromRegistry.sendMessage('msg:registered');
    expect(result.type === 'message' && partsText(result.message.parts)).toBe('echo registered');
    expect(agent.requests.slice(before).map((request) => request.headers['x-agent-key'])).toEqual(['from-registry']);
  });
});

describe('timeouts, aborts and transport failures', () => {
  it('ends a stream with a timeout error when the agent stays silent longer than timeoutMs', async () => {
    const consume = async () => {
      for await (const _event of client.streamMessage('wait', { timeoutMs: 300 })) {
        // the agent goes silent after "working"
      }
    };
    const error = await consume().catch((caught: unknown) => caught);
    expect(SwitchyardError.isInstance(error) && error.kind).toBe('timeout');
    expect((error as Error).message).toContain('did not answer');
  });

  it("rejects with kind timeout when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const pending = client.sendMessage('wait', { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(SwitchyardError.isInstance(error) && error.kind).toBe('timeout');
    expect((error as Error).message).toContain('aborted');
  });

  it('reports an unreachable agent as upstream_unavailable without its header values', async () => {
    const closed = await startEchoAgent();
    const url = closed.url;
    await closed.close();
    const error = await createA2aClient(url, { http, headers: { authorization: 'Bearer agent-secret-1234' } }).catch((caught: unknown) => caught);
    expect(SwitchyardError.isInstance(error) && error.kind).toBe('upstream_unavailable');
    expect((error as Error).message).not.toContain('agent-secret-1234');
  });
});
