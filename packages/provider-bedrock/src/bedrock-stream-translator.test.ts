import type { ChatCompletionChunk } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { BedrockStreamEvent } from './bedrock-api.js';
import { ConverseStreamTranslator, type StreamTranslatorOptions } from './bedrock-stream-translator.js';

function run(events: BedrockStreamEvent[], options: Partial<StreamTranslatorOptions> = {}): ChatCompletionChunk[] {
  const translator = new ConverseStreamTranslator({ id: 'chatcmpl-1', model: 'm', created: 1, includeUsage: false, jsonToolName: undefined, ...options });
  const chunks = events.flatMap((event) => translator.handle(event));
  return [...chunks, ...translator.finish()];
}

const deltas = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta);
const stop = (stopReason: string): BedrockStreamEvent => ({ type: 'messageStop', value: { stopReason } });
const usage: BedrockStreamEvent = { type: 'metadata', value: { usage: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100, cacheWriteInputTokens: 20 } } };

describe('ConverseStreamTranslator', () => {
  it('starts with a role chunk and ends with the finish chunk', () => {
    const chunks = run([{ type: 'messageStart', value: { role: 'assistant' } }, { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { text: 'Hi' } } }, stop('end_turn')]);
    expect(deltas(chunks)).toEqual([{ role: 'assistant', content: '' }, { content: 'Hi' }, {}]);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual([null, null, 'stop']);
    expect(chunks.every((chunk) => chunk.id === 'chatcmpl-1' && chunk.object === 'chat.completion.chunk')).toBe(true);
  });

  it('streams reasoning text as reasoning_content and the finished block, signature kept, as thinking_blocks', () => {
    const chunks = run([
      { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Let me ' } } } },
      { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'think.' } } } },
      { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'EqQBCkgIAR' } } } },
      { type: 'contentBlockStop', value: { contentBlockIndex: 0 } },
      { type: 'contentBlockDelta', value: { contentBlockIndex: 1, delta: { text: '42' } } },
      stop('end_turn'),
    ]);
    expect(deltas(chunks).slice(1)).toEqual([
      { reasoning_content: 'Let me ' },
      { reasoning_content: 'think.' },
      { thinking_blocks: [{ type: 'thinking', thinking: 'Let me think.', signature: 'EqQBCkgIAR' }] },
      { content: '42' },
      {},
    ]);
  });

  it('passes redacted reasoning on as a redacted_thinking block', () => {
    const chunks = run([
      { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: 'c2VjcmV0' } } } },
      { type: 'contentBlockStop', value: { contentBlockIndex: 0 } },
      stop('end_turn'),
    ]);
    expect(deltas(chunks)[1]).toEqual({ thinking_blocks: [{ type: 'redacted_thinking', data: 'c2VjcmV0' }] });
  });

  it('numbers tool calls from 0, sends id and name first, then argument fragments', () => {
    const chunks = run([
      { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { text: 'Calling' } } },
      { type: 'contentBlockStart', value: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't1', name: 'a' } } } },
      { type: 'contentBlockDelta', value: { contentBlockIndex: 1, delta: { toolUse: { input: '{"x":' } } } },
      { type: 'contentBlockDelta', value: { contentBlockIndex: 1, delta: { toolUse: { input: '1}' } } } },
      { type: 'contentBlockStop', value: { contentBlockIndex: 1 } },
      { type: 'contentBlockStart', value: { contentBlockIndex: 2, start: { toolUse: { toolUseId: 't2', name: 'b' } } } },
      { type: 'contentBlockStop', value: { contentBlockIndex: 2 } },
      stop('tool_use'),
    ]);
    expect(deltas(chunks).slice(2, -1)).toEqual([
      { tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'a', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '1}' } }] },
      { tool_calls: [{ index: 1, id: 't2', type: 'function', function: { name: 'b', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }] },
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('sends usage as a last chunk without choices only when include_usage is set', () => {
    const withUsage = run([stop('end_turn'), usage], { includeUsage: true });
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 130, completion_tokens: 5, total_tokens: 135, prompt_tokens_details: { cached_tokens: 100, cache_creation_tokens: 20 } } });
    const without = run([stop('end_turn'), usage]);
    expect(without.some((chunk) => chunk.usage !== undefined)).toBe(false);
  });

  it('in JSON mode sends held text when the model answers without the JSON tool', () => {
    const chunks = run(
      [{ type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { text: 'I cannot' } } }, { type: 'contentBlockDelta', value: { contentBlockIndex: 0, delta: { text: ' do that.' } } }, stop('end_turn')],
      { jsonToolName: 'json' },
    );
    expect(deltas(chunks)).toEqual([{ role: 'assistant', content: '' }, { content: 'I cannot do that.' }, {}]);
  });

  it('in JSON mode sends {} for a JSON tool call without input, and finishes with stop', () => {
    const chunks = run([{ type: 'contentBlockStart', value: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'j', name: 'json' } } } }, stop('tool_use')], { jsonToolName: 'json' });
    expect(deltas(chunks)).toEqual([{ role: 'assistant', content: '' }, { content: '{}' }, {}]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('closes blocks still open at messageStop', () => {
    const chunks = run([{ type: 'contentBlockStart', value: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'a' } } } }, stop('tool_use')]);
    expect(deltas(chunks).slice(1)).toEqual([
      { tool_calls: [{ index: 0, id: 't', type: 'function', function: { name: 'a', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{}' } }] },
      {},
    ]);
  });
});
