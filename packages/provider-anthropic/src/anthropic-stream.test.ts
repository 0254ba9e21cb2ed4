import type { ChatCompletionChunk } from '@switchyard/core';
import { caughtError, readChunksFixture } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { AnthropicStreamTranslator, type StreamTranslatorOptions } from './anthropic-stream.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);
const options: StreamTranslatorOptions = { provider: 'anthropic', created: 1_700_000_000, includeUsage: true, jsonToolName: undefined };

function event(payload: Record<string, unknown>) {
  return { event: String(payload.type), data: JSON.stringify(payload), id: undefined };
}

const start = event({ type: 'message_start', message: { id: 'msg_1', model: 'claude-x', content: [], usage: { input_tokens: 5, output_tokens: 1 } } });
const stop = [event({ type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } }), event({ type: 'message_stop' })];

function run(events: Array<ReturnType<typeof event>>, overrides: Partial<StreamTranslatorOptions> = {}): ChatCompletionChunk[] {
  const translator = new AnthropicStreamTranslator({ ...options, ...overrides });
  const chunks = events.flatMap((entry) => translator.push(entry));
  translator.end();
  return chunks;
}

const deltas = (chunks: ChatCompletionChunk[]) => chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));

describe('AnthropicStreamTranslator', () => {
  it('streams tool calls as index, id and name first, then argument fragments, and {} for a tool without arguments', () => {
    const chunks = run([
      start,
      event({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} } }),
      event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } }),
      event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city":' } }),
      event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } }),
      event({ type: 'content_block_stop', index: 0 }),
      event({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_b', name: 'clock', input: {} } }),
      event({ type: 'content_block_stop', index: 1 }),
      ...stop,
    ]);
    expect(deltas(chunks).flatMap((delta) => delta.tool_calls ?? [])).toEqual([
      { index: 0, id: 'toolu_a', type: 'function', function: { name: 'weather', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 0, function: { arguments: '"Paris"}' } },
      { index: 1, id: 'toolu_b', type: 'function', function: { name: 'clock', arguments: '' } },
      { index: 1, function: { arguments: '{}' } },
    ]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('numbers tool calls from 0 whatever their content block index', () => {
    const chunks = run([
      start,
      event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me check.' } }),
      event({ type: 'content_block_stop', index: 0 }),
      event({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} } }),
      event({ type: 'content_block_stop', index: 1 }),
      ...stop,
    ]);
    expect(deltas(chunks).flatMap((delta) => delta.tool_calls ?? []).map((call) => call.index)).toEqual([0, 0]);
  });

  it('streams thinking as reasoning_content and ends the block with its signed thinking_blocks entry', () => {
    const lines = readChunksFixture(fixtures, 'anthropic-clear-thinking.1.chunks.txt');
    const chunks = run(lines.map((line) => event(JSON.parse(line) as Record<string, unknown>)));
    const blocks = deltas(chunks).flatMap((delta) => delta.thinking_blocks ?? []);
    expect(blocks).toEqual([
      {
        type: 'thinking',
        thinking: 'The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185',
        signature: (JSON.parse(lines[13] ?? '{}') as { delta: { signature: string } }).delta.signature,
      },
    ]);
  });

  it('passes redacted thinking through as a thinking_blocks entry', () => {
    const chunks = run([
      start,
      event({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'opaque' } }),
      event({ type: 'content_block_stop', index: 0 }),
      ...stop,
    ]);
    expect(deltas(chunks).flatMap((delta) => delta.thinking_blocks ?? [])).toEqual([{ type: 'redacted_thinking', data: 'opaque' }]);
  });

  it('streams the response_format tool as content and finishes with stop', () => {
    const chunks = run(
      [
        start,
        event({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_j', name: 'json', input: {} } }),
        event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"a":' } }),
        event({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '1}' } }),
        event({ type: 'content_block_stop', index: 0 }),
        ...stop,
      ],
      { jsonToolName: 'json' },
    );
    expect(deltas(chunks).map((delta) => delta.content ?? '').join('')).toBe('{"a":1}');
    expect(deltas(chunks).some((delta) => delta.tool_calls)).toBe(false);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('sends usage from message_delta in a last chunk without choices when include_usage is set, and none otherwise', () => {
    const events = [start, event({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 7, output_tokens: 3 } }), event({ type: 'message_stop' })];
    const withUsage = run(events);
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } });
    const withoutUsage = run(events, { includeUsage: false });
    expect(withoutUsage.some((chunk) => chunk.usage)).toBe(false);
    expect(withoutUsage.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('ignores ping and event kinds it does not know', () => {
    const chunks = run([start, event({ type: 'ping' }), event({ type: 'some_future_event', value: 1 }), ...stop]);
    expect(chunks).toHaveLength(3);
  });

  it('reports the fallback model on the chunks after a fallback block', () => {
    const chunks = run([
      start,
      event({ type: 'content_block_start', index: 0, content_block: { type: 'fallback', from: { model: 'claude-x' }, to: { model: 'claude-y' } } }),
      event({ type: 'content_block_stop', index: 0 }),
      ...stop,
    ]);
    expect(chunks[0]?.model).toBe('claude-x');
    expect(chunks.at(-1)?.model).toBe('claude-y');
  });

  it('puts a refusal explanation in the final delta', () => {
    const lines = readChunksFixture(fixtures, 'anthropic-refusal.chunks.txt');
    const chunks = run(lines.map((line) => event(JSON.parse(line) as Record<string, unknown>)));
    const final = chunks.at(-2)?.choices[0];
    expect(final?.finish_reason).toBe('content_filter');
    expect(final?.delta.refusal).toContain('violative cyber content');
  });
});

describe('AnthropicStreamTranslator: failures', () => {
  it.each([
    ['overloaded_error', 'Overloaded', 'upstream_unavailable'],
    ['api_error', 'Internal error', 'upstream_unavailable'],
    ['rate_limit_error', 'Slow down', 'rate_limit'],
    ['invalid_request_error', 'prompt is too long: 300000 tokens > 200000 maximum', 'context_window_exceeded'],
  ])('throws %s from an error event as %s', (type, message, kind) => {
    const translator = new AnthropicStreamTranslator(options);
    translator.push(start);
    const error = caughtError(() => translator.push(event({ type: 'error', error: { type, message } })));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it('refuses a second message_start', () => {
    const translator = new AnthropicStreamTranslator(options);
    translator.push(start);
    expect(caughtError(() => translator.push(start)).message).toBe('Anthropic sent a malformed response: a second message_start arrived in one stream.');
  });

  it('refuses a stream that ends before message_stop', () => {
    const translator = new AnthropicStreamTranslator(options);
    translator.push(start);
    const error = caughtError(() => translator.end());
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toBe('Anthropic sent a malformed response: the stream ended before message_stop.');
  });

  it.each([
    ['content before message_start', false, event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })],
    ['a delta for a block that never started', true, event({ type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'x' } })],
    ['a tool_use block without a name', true, event({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', input: {} } })],
    ['data that is not JSON', true, { event: 'content_block_delta', data: '{"type": "content_block_delta", "ind', id: undefined }],
  ])('refuses %s', (_name, started, bad) => {
    const translator = new AnthropicStreamTranslator(options);
    if (started) translator.push(start);
    expect(caughtError(() => translator.push(bad)).kind).toBe('upstream_unavailable');
  });
});
