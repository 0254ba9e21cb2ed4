import { streamPartFromChunk, streamPartFromJson, type ChatCompletionChunk } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { aggregateStream, completionOutcome, StreamAggregator } from './aggregate-stream.js';

function chunk(delta: ChatCompletionChunk['choices'][number]['delta'], extra: Partial<ChatCompletionChunk> = {}) {
  return { id: 'c', object: 'chat.completion.chunk' as const, created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: null }], ...extra };
}

const usage = { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 };

async function* parts(chunks: ChatCompletionChunk[]) {
  for (const entry of chunks) yield streamPartFromJson(JSON.stringify(entry));
}

describe('StreamAggregator', () => {
  it('joins text, reasoning and tool-call fragments, and keeps the finish reason and final usage', async () => {
    const result = await aggregateStream(
      parts([
        chunk({ role: 'assistant', reasoning_content: 'think' }),
        chunk({ reasoning_content: 'ing', content: 'Hel' }),
        chunk({ content: 'lo', tool_calls: [{ index: 1, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a"' } }] }),
        chunk({ tool_calls: [{ index: 1, function: { arguments: ':1}' } }] }),
        { ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
        { ...chunk({}), choices: [], usage },
      ]),
    );
    expect(result).toMatchObject({
      text: 'Hello',
      reasoning: 'thinking',
      toolCalls: [{ id: 'call_1', name: 'f', arguments: '{"a":1}' }],
      finishReason: 'tool_calls',
      usage,
      violations: [],
    });
    expect(result.parts).toHaveLength(6);
  });

  it('reports a first tool-call delta without id or name, and a later one that repeats them', () => {
    const aggregator = new StreamAggregator();
    aggregator.push(streamPartFromChunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '{' } }] })));
    aggregator.push(streamPartFromChunk(chunk({ tool_calls: [{ index: 0, id: 'x', function: { name: 'f', arguments: '}' } }] })));
    expect(aggregator.finish().violations).toEqual([
      'part 0: the first delta of tool call 0:0 lacks its id or name',
      'part 1: a later delta of tool call 0:0 repeats its id or name',
    ]);
  });

  it('reports usage on a part that is not the last', () => {
    const aggregator = new StreamAggregator();
    aggregator.push(streamPartFromChunk(chunk({ content: 'a' }, { usage })));
    aggregator.push(streamPartFromChunk(chunk({ content: 'b' })));
    expect(aggregator.finish().violations).toEqual(['usage appeared before the last part (parts 0 of 2)']);
  });

  it('reports a chunk without a choices array and treats empty text as none', () => {
    const aggregator = new StreamAggregator();
    aggregator.push(streamPartFromJson('{"id":"x"}'));
    aggregator.push(streamPartFromChunk(chunk({ content: '' })));
    const result = aggregator.finish();
    expect(result.violations).toEqual(['part 0: "choices" is not an array']);
    expect(result.text).toBeNull();
  });
});

describe('completionOutcome', () => {
  it('reads choice 0 of a completion', () => {
    const outcome = completionOutcome({
      id: 'c',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          logprobs: null,
          message: { role: 'assistant', content: '', reasoning_content: 'why', tool_calls: [{ id: 'i', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        },
      ],
      usage,
    });
    expect(outcome).toEqual({ text: null, reasoning: 'why', toolCalls: [{ id: 'i', name: 'f', arguments: '{}' }], finishReason: 'tool_calls', usage });
  });
});
