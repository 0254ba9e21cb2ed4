import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { AnthropicMessage } from './anthropic-api.js';
import { toChatCompletion } from './anthropic-completion.js';

const context = { provider: 'anthropic', created: 1_700_000_000, jsonToolName: undefined };

function message(content: AnthropicMessage['content'], extra: Partial<AnthropicMessage> = {}): AnthropicMessage {
  return { id: 'msg_1', model: 'claude-x', content, stop_reason: 'end_turn', usage: { input_tokens: 3, output_tokens: 4 }, ...extra };
}

describe('toChatCompletion', () => {
  it('builds an OpenAI completion with the message id, model and the given created time', () => {
    const completion = toChatCompletion(message([{ type: 'text', text: 'Hi' }]), context);
    expect(completion).toEqual({
      id: 'msg_1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'claude-x',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: {
        prompt_tokens: 3,
        completion_tokens: 4,
        total_tokens: 7,
        prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 },
      },
    });
  });

  it('returns client tool_use blocks as tool_calls with their input as JSON text', () => {
    const completion = toChatCompletion(
      message(
        [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'clock', input: {} },
        ],
        { stop_reason: 'tool_use' },
      ),
      context,
    );
    const choice = completion.choices[0];
    expect(choice?.message.tool_calls).toEqual([
      { id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
      { id: 'toolu_2', type: 'function', function: { name: 'clock', arguments: '{}' } },
    ]);
    expect(choice?.message.content).toBe('Checking.');
    expect(choice?.finish_reason).toBe('tool_calls');
  });

  it('returns the json tool as content, and still reports other tool calls next to it', () => {
    const completion = toChatCompletion(
      message(
        [
          { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} },
          { type: 'tool_use', id: 'toolu_2', name: 'json', input: { ok: true } },
        ],
        { stop_reason: 'tool_use' },
      ),
      { ...context, jsonToolName: 'json' },
    );
    expect(completion.choices[0]?.message.content).toBe('{"ok":true}');
    expect(completion.choices[0]?.message.tool_calls?.map((call) => call.function.name)).toEqual(['weather']);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('returns thinking as reasoning_content and keeps every thinking block, signed and redacted, in order', () => {
    const completion = toChatCompletion(
      message([
        { type: 'thinking', thinking: 'First. ', signature: 'sig-1' },
        { type: 'redacted_thinking', data: 'opaque' },
        { type: 'thinking', thinking: 'Second.', signature: 'sig-2' },
        { type: 'text', text: 'Answer' },
      ]),
      context,
    );
    const answer = completion.choices[0]?.message;
    expect(answer?.reasoning_content).toBe('First. Second.');
    expect(answer?.thinking_blocks).toEqual([
      { type: 'thinking', thinking: 'First. ', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'thinking', thinking: 'Second.', signature: 'sig-2' },
    ]);
  });

  it('reports a refusal with its explanation and content_filter', () => {
    const completion = toChatCompletion(
      message([], { stop_reason: 'refusal', stop_details: { type: 'refusal', explanation: 'Blocked by policy.' } }),
      context,
    );
    expect(completion.choices[0]?.message).toEqual({ role: 'assistant', content: null, refusal: 'Blocked by policy.' });
    expect(completion.choices[0]?.finish_reason).toBe('content_filter');
  });

  it('counts cache reads and writes into the prompt', () => {
    const completion = toChatCompletion(
      message([{ type: 'text', text: 'x' }], {
        usage: { input_tokens: 10, cache_read_input_tokens: 2000, cache_creation_input_tokens: 500, output_tokens: 5 },
      }),
      context,
    );
    expect(completion.usage).toEqual({
      prompt_tokens: 2510,
      completion_tokens: 5,
      total_tokens: 2515,
      prompt_tokens_details: { cached_tokens: 2000, cache_creation_tokens: 500 },
    });
  });

  it('ignores block kinds it does not know', () => {
    const completion = toChatCompletion(message([{ type: 'some_future_block', value: 1 }, { type: 'text', text: 'ok' }]), context);
    expect(completion.choices[0]?.message.content).toBe('ok');
  });

  it('refuses a known block that is malformed', () => {
    let thrown: unknown;
    try {
      toChatCompletion(message([{ type: 'tool_use', id: 'toolu_1' }]), context);
    } catch (error) {
      thrown = error;
    }
    expect(SwitchyardError.isInstance(thrown) && thrown.kind).toBe('upstream_unavailable');
    expect((thrown as Error).message).toBe('Anthropic sent a malformed response: a tool_use block is malformed.');
  });
});
