import type { ChatProvider, ChatStreamPart } from '@switchyard/core';
import { expect } from 'vitest';
import { completionOutcome, StreamAggregator, type AggregatedStream } from './aggregate-stream.js';
import type {
  ChatConformanceCase,
  EmbeddingConformanceCase,
  ProviderConformanceOptions,
  UpstreamBehaviour,
} from './conformance-types.js';
import { expectConsistentResult, expectOutcome, expectSwitchyardError, rejectionOf } from './expect-outcome.js';
import type { RecordedServer } from './recorded-server.js';

/** Resets the server, queues the answers and builds a provider pointed at it. */
export function prepareProvider(
  server: RecordedServer,
  options: ProviderConformanceOptions,
  ...behaviours: UpstreamBehaviour[]
): ChatProvider {
  server.clear();
  server.enqueue(...behaviours);
  return options.createProvider(server.origin);
}

/** Whether a case calls streamChat. */
export function isStreamCase(testCase: ChatConformanceCase): boolean {
  return testCase.stream ?? testCase.request.stream === true;
}

/** Reads a stream to its end or to the error it throws, aggregating what arrived. */
export async function drainStream(
  stream: AsyncIterable<ChatStreamPart>,
): Promise<{ aggregate: AggregatedStream; error: unknown; failed: boolean }> {
  const aggregator = new StreamAggregator();
  try {
    for await (const part of stream) aggregator.push(part);
    return { aggregate: aggregator.finish(), error: undefined, failed: false };
  } catch (error) {
    return { aggregate: aggregator.finish(), error, failed: true };
  }
}

async function runFailingChatCase(provider: ChatProvider, testCase: ChatConformanceCase, secrets: string[]): Promise<void> {
  const call = isStreamCase(testCase) ? provider.streamChat(testCase.request) : provider.chat(testCase.request);
  const error = await rejectionOf(call, testCase.name);
  const { errorKind, retryAfterMs, errorParam, errorCode } = testCase.expect;
  expectSwitchyardError(error, { kind: errorKind ?? 'internal', retryAfterMs, param: errorParam, code: errorCode, secrets });
}

async function runStreamCase(provider: ChatProvider, testCase: ChatConformanceCase, secrets: string[]): Promise<void> {
  const stream = await provider.streamChat(testCase.request);
  const { aggregate, error, failed } = await drainStream(stream);
  const expectedKind = testCase.expect.streamErrorKind;
  if (expectedKind) {
    if (!failed) throw new Error(`${testCase.name}: expected the stream to throw ${expectedKind}, but it ended normally`);
    expectSwitchyardError(error, { kind: expectedKind, secrets });
  } else if (failed) {
    throw error;
  }
  expect(aggregate.violations, 'stream rule violations').toEqual([]);
  expectOutcome(aggregate, testCase.expect);
}

/** Runs one chat case against a provider pointed at the recorded server. */
export async function runChatCase(
  server: RecordedServer,
  options: ProviderConformanceOptions,
  testCase: ChatConformanceCase,
): Promise<void> {
  const provider = prepareProvider(server, options, testCase.upstream);
  const secrets = options.secrets ?? [];
  if (testCase.expect.errorKind) await runFailingChatCase(provider, testCase, secrets);
  else if (isStreamCase(testCase)) await runStreamCase(provider, testCase, secrets);
  else {
    const result = await provider.chat(testCase.request);
    expectConsistentResult(result);
    expectOutcome(completionOutcome(result.completion), testCase.expect);
  }
  expect(server.requests.length, 'requests sent upstream').toBeGreaterThan(0);
  testCase.assertRequest?.(await server.request(0));
}

/** Runs one embedding case against a provider pointed at the recorded server. */
export async function runEmbeddingCase(
  server: RecordedServer,
  options: ProviderConformanceOptions,
  testCase: EmbeddingConformanceCase,
): Promise<void> {
  const provider = prepareProvider(server, options, testCase.upstream);
  if (!provider.embed) throw new Error(`${options.name}: the provider has no embed(), but embedding cases were given`);
  const call = provider.embed(testCase.request);
  if (testCase.expect.errorKind) {
    const error = await rejectionOf(call, testCase.name);
    expectSwitchyardError(error, { kind: testCase.expect.errorKind, secrets: options.secrets });
  } else {
    const result = await call;
    const text = typeof result.body === 'string' ? result.body : Buffer.from(result.body).toString('utf8');
    expect(JSON.parse(text), 'body matches response').toEqual(JSON.parse(JSON.stringify(result.response)));
    expect(result.response.data.length, 'embedding count').toBe(testCase.expect.count);
    if (testCase.expect.dimensions !== undefined) {
      const first = result.response.data[0]?.embedding;
      expect(Array.isArray(first) ? first.length : undefined, 'dimensions').toBe(testCase.expect.dimensions);
    }
    if (testCase.expect.promptTokens !== undefined) {
      expect(result.response.usage.prompt_tokens, 'usage.prompt_tokens').toBe(testCase.expect.promptTokens);
    }
  }
  testCase.assertRequest?.(await server.request(0));
}
