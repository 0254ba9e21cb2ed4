import type OpenAI from 'openai';
import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';

const mockText = 'This is a mock response from Switchyard.';
const hi = [{ role: 'user' as const, content: 'Hi' }];

// `order` makes the faulty deployment the first choice, so each test sees the fault before the healthy peer.
const yaml = `
model_list:
  - model_name: limited
    litellm_params: ${scenarioParams('fault=429,retry_after=30,id=limited', 'order: 1')}
    model_info: {id: limited-429}
  - model_name: limited
    litellm_params: ${scenarioParams('id=limited-peer', 'order: 2')}
    model_info: {id: limited-peer}
  - model_name: small
    litellm_params: ${scenarioParams('fault=context_window,id=small')}
    model_info: {id: small-1}
  - model_name: large
    litellm_params: ${scenarioParams('id=large')}
    model_info: {id: large-1}
  - model_name: slow
    litellm_params: ${scenarioParams('fault=hang,id=slow', 'order: 1, timeout: 0.3, stream_timeout: 0.3')}
    model_info: {id: slow-hung}
  - model_name: slow
    litellm_params: ${scenarioParams('id=slow-peer', 'order: 2')}
    model_info: {id: slow-peer}
  - model_name: breaks-midway
    litellm_params: ${scenarioParams('fault=midstream,id=midway')}
    model_info: {id: midway-1}
  - model_name: fails-early
    litellm_params: ${scenarioParams('fault=503,id=early')}
    model_info: {id: early-1}
  - model_name: backup
    litellm_params: ${scenarioParams('id=backup')}
    model_info: {id: backup-1}
router_settings:
  num_retries: 1
  context_window_fallbacks: [{small: [large]}]
  fallbacks: [{fails-early: [backup]}]
`;

let harness: Harness;
let client: OpenAI;

function sent(label: string): number {
  return harness.mock.requests.filter((request) => request.scenario.split(',').includes(`id=${label}`)).length;
}

beforeAll(async () => {
  harness = await startHarness(yaml);
  client = harness.client();
});

afterAll(async () => {
  await harness.close();
});

describe('routing through @switchyard/router, seen with the official OpenAI client', () => {
  it('cools a deployment answering 429 down and moves its traffic to the peer', async () => {
    const first = await client.chat.completions.create({ model: 'limited', messages: hi }).withResponse();
    expect(first.data.choices[0]?.message.content).toBe(mockText);
    expect(first.response.headers.get('x-switchyard-deployment')).toBe('limited-peer');
    expect(first.response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(sent('limited')).toBe(1);
    for (let i = 0; i < 3; i++) {
      const next = await client.chat.completions.create({ model: 'limited', messages: hi }).withResponse();
      expect(next.response.headers.get('x-switchyard-deployment')).toBe('limited-peer');
      expect(next.response.headers.get('x-switchyard-attempts')).toBe('1');
    }
    // Cooled down for the upstream's 30 s retry-after: the 429 deployment got no further request.
    expect(sent('limited')).toBe(1);
    expect(sent('limited-peer')).toBe(4);
  });

  it('sends a context-window error to the context-window fallback', async () => {
    const routed = await client.chat.completions.create({ model: 'small', messages: hi }).withResponse();
    expect(routed.data.choices[0]?.message.content).toBe(mockText);
    expect(routed.response.headers.get('x-switchyard-deployment')).toBe('large-1');
    expect(routed.response.headers.get('x-switchyard-model-group')).toBe('large');
    expect(routed.response.headers.get('x-switchyard-fallbacks')).toBe('1');
    // A context-window error is never retried on the same group.
    expect(sent('small')).toBe(1);
    expect(sent('large')).toBe(1);
  });

  it('times a hung upstream out and succeeds on another deployment', async () => {
    const routed = await client.chat.completions.create({ model: 'slow', messages: hi }).withResponse();
    expect(routed.data.choices[0]?.message.content).toBe(mockText);
    expect(routed.response.headers.get('x-switchyard-deployment')).toBe('slow-peer');
    expect(routed.response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(sent('slow')).toBe(1);
  });

  it('ends a stream that fails after its first chunk with an in-band error', async () => {
    const stream = await client.chat.completions.create({ model: 'breaks-midway', messages: hi, stream: true });
    let seen = 0;
    let failure: unknown;
    try {
      for await (const _chunk of stream) seen++;
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(APIError);
    expect(seen).toBe(3);
    expect(sent('midway')).toBe(1);
  });

  it('moves a stream that fails before its first byte to the fallback', async () => {
    const stream = await client.chat.completions.create({ model: 'fails-early', messages: hi, stream: true }).withResponse();
    expect(stream.response.headers.get('x-switchyard-deployment')).toBe('backup-1');
    expect(stream.response.headers.get('x-switchyard-fallbacks')).toBe('1');
    let text = '';
    for await (const chunk of stream.data) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(mockText);
    expect(sent('early')).toBeGreaterThanOrEqual(1);
    expect(sent('backup')).toBe(1);
  });

  it('answers a routing failure with its status, retry-after and the attempt count', async () => {
    const response = await fetch(`${harness.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fails-early', messages: hi, disable_fallbacks: true }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(response.headers.get('x-switchyard-fallbacks')).toBe('0');
    expect(response.headers.get('x-should-retry')).toBe('false');
  });
});
