import { setTimeout as delay } from 'node:timers/promises';
import {
  SwitchyardError,
  streamPartFromChunk,
  type CallOptions,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatStreamPart,
  type ProviderFamily,
} from '@switchyard/core';
import { fakeChunk, fakeCompletion, fakeFamily, type FakeCall } from './fake-family.js';

/**
 * An in-process stand-in for the mock provider's scenarios, for tests that must run before the real provider
 * packages exist. The upstream model id is the scenario, in the mock's syntax: `fault=429,retry_after=30`.
 */
export type Scenario = Record<string, string>;

export function parseScenario(model: string): Scenario {
  const scenario: Scenario = {};
  for (const pair of model.split(',')) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined) scenario[key] = value;
  }
  return scenario;
}

const faultCounts = new Map<string, number>();

function faultError(fault: string, scenario: Scenario): SwitchyardError {
  const retryAfterMs = scenario['retry_after'] === undefined ? undefined : Number(scenario['retry_after']) * 1000;
  const options = { provider: 'openai', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (fault === '429') return new SwitchyardError('rate_limit', 'Rate limit reached for requests', options);
  if (fault === 'auth') return new SwitchyardError('authentication', 'Incorrect API key provided', options);
  if (fault === 'bad_request') return new SwitchyardError('bad_request', 'Invalid parameter', options);
  if (fault === 'context_window') return new SwitchyardError('context_window_exceeded', 'maximum context length exceeded', options);
  return new SwitchyardError('upstream_unavailable', 'The upstream is overloaded', { ...options, status: Number(fault) || 503 });
}

/** Fails before the first byte as the scenario says (counting `fault_times` per scenario). */
async function beforeFirstByte(model: string, scenario: Scenario, options: CallOptions | undefined): Promise<void> {
  const fault = scenario['fault'];
  if (fault === undefined || fault === 'midstream') return;
  const times = scenario['fault_times'] === undefined ? Infinity : Number(scenario['fault_times']);
  const seen = faultCounts.get(model) ?? 0;
  if (seen >= times) return;
  faultCounts.set(model, seen + 1);
  if (fault === 'hang') {
    await delay(options?.timeoutMs ?? 600_000, undefined, options?.signal ? { signal: options.signal } : {}).catch(() => undefined);
    throw new SwitchyardError('timeout', 'openai did not answer in time.', { provider: 'openai' });
  }
  throw faultError(fault, scenario);
}

function toolChunks(model: string): ChatCompletionChunk[] {
  return [
    fakeChunk(model, { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
    fakeChunk(model, { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
    fakeChunk(model, { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
    { ...fakeChunk(model, {}), choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
  ];
}

function textChunks(model: string, count: number): ChatCompletionChunk[] {
  const chunks = [fakeChunk(model, { role: 'assistant', content: '' })];
  for (let index = 0; index < count; index++) chunks.push(fakeChunk(model, { content: `word${index} ` }));
  chunks.push(fakeChunk(model, {}, 'stop'));
  return chunks;
}

async function* streamParts(request: ChatCompletionRequest, scenario: Scenario, signal: AbortSignal | undefined): AsyncGenerator<ChatStreamPart> {
  const model = request.model;
  const chunks = scenario['fixture'] === 'tools' ? toolChunks(model) : textChunks(model, Number(scenario['chunks'] ?? 3));
  const chunkMs = Number(scenario['chunk_ms'] ?? 0);
  for (const [index, chunk] of chunks.entries()) {
    if (chunkMs > 0) await delay(chunkMs, undefined, signal ? { signal } : {});
    if (scenario['fault'] === 'midstream' && index === 2) throw new SwitchyardError('upstream_unavailable', 'The upstream connection broke mid-stream.', { status: 502 });
    yield streamPartFromChunk(chunk);
  }
  if (request.stream_options?.include_usage) {
    yield streamPartFromChunk({ ...fakeChunk(model, {}), choices: [], usage: { prompt_tokens: 5, completion_tokens: chunks.length, total_tokens: 5 + chunks.length } });
  }
}

export function scenarioFamily(providers: readonly string[] = ['openai']): ProviderFamily & { calls: FakeCall[] } {
  return fakeFamily(providers, {
    async chat(request, options) {
      await beforeFirstByte(request.model, parseScenario(request.model), options);
      const completion = fakeCompletion(request.model, 'Hello from the scenario provider.');
      return { completion, body: JSON.stringify(completion), usage: completion.usage, upstreamHeaders: { 'x-ratelimit-remaining-requests': '99', 'keep-alive': 'timeout=7', connection: 'upgrade' } };
    },
    async streamChat(request, options) {
      const scenario = parseScenario(request.model);
      await beforeFirstByte(request.model, scenario, options);
      return { [Symbol.asyncIterator]: () => streamParts(request, scenario, options?.signal) };
    },
  });
}
