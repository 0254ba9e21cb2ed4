import { describe, expect, it } from 'vitest';
import { bedrockConverseResponseSchema } from './bedrock-api.js';
import { toChatCompletion } from './bedrock-response.js';

const context = { id: 'chatcmpl-x', model: 'us.anthropic.claude', created: 1700000000, jsonToolName: undefined };

function convert(raw: unknown, jsonToolName?: string) {
  return toChatCompletion(bedrockConverseResponseSchema.parse(raw), { ...context, jsonToolName });
}

describe('toChatCompletion', () => {
  it('returns reasoning as reasoning_content and thinking_blocks with the signature and redacted data', () => {
    const completion = convert({
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'Two plus two.', signature: 'sig-abc' } } },
            { reasoningContent: { redactedContent: 'b3BhcXVl' } },
            { text: '4' },
          ],
        },
      },
      stopReason: 'end_turn',
      usage: { inputTokens: 10, outputTokens: 20, totalTokens: 30 },
    });
    expect(completion.choices[0]?.message).toEqual({
      role: 'assistant',
      content: '4',
      refusal: null,
      reasoning_content: 'Two plus two.',
      thinking_blocks: [
        { type: 'thinking', thinking: 'Two plus two.', signature: 'sig-abc' },
        { type: 'redacted_thinking', data: 'b3BhcXVl' },
      ],
    });
    expect(completion).toMatchObject({ id: 'chatcmpl-x', object: 'chat.completion', created: 1700000000, model: 'us.anthropic.claude' });
  });

  it("gives the message the refusal: null that OpenAI's response schema requires", () => {
    const completion = convert({
      output: { message: { role: 'assistant', content: [{ text: 'hi' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    });
    expect(completion.choices[0]?.message).toHaveProperty('refusal', null);
  });

  it('counts cache reads and writes into prompt_tokens', () => {
    const completion = convert({
      output: { message: { content: [{ text: 'ok' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 2, totalTokens: 1505, cacheReadInputTokens: 1000, cacheWriteInputTokens: 500 },
    });
    expect(completion.usage).toEqual({
      prompt_tokens: 1503,
      completion_tokens: 2,
      total_tokens: 1505,
      prompt_tokens_details: { cached_tokens: 1000, cache_creation_tokens: 500 },
    });
  });

  it('maps a guardrail intervention to content_filter and returns null content when there is no text', () => {
    const completion = convert({ output: { message: { content: [] } }, stopReason: 'guardrail_intervened' });
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: null } });
    expect(completion.usage).toBeUndefined();
  });
});
