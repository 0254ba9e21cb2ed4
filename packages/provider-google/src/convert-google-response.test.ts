import { caughtError, readFixture } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { googleGenerateContentResponseSchema, type GoogleGenerateContentResponse } from './google-api.js';
import { convertGoogleResponse } from './convert-google-response.js';
import { decodeToolCallId } from './google-tool-call-id.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);

function fixture(name: string): GoogleGenerateContentResponse {
  return googleGenerateContentResponseSchema.parse(JSON.parse(readFixture(fixtures, name)));
}

const convert = (response: GoogleGenerateContentResponse) => convertGoogleResponse(response, 'gemini', 'gemini-test', []);

const failure = (response: GoogleGenerateContentResponse) => caughtError(() => convert(response));

describe('convertGoogleResponse', () => {
  it('builds the completion envelope from responseId and modelVersion', () => {
    const completion = convert(fixture('google-text.json'));
    expect(completion.id).toBe('chatcmpl-Un6LacrVMcjUxs0PmJfWoQc');
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gemini-3-pro-preview');
  });

  it('gives every message the refusal: null that OpenAI\'s response schema requires', () => {
    for (const name of ['google-text.json', 'google-tool-call.json', 'google-reasoning.json']) {
      expect(convert(fixture(name)).choices[0]?.message).toHaveProperty('refusal', null);
    }
  });

  it("keeps a text part's thought signature in a thinking block without thinking text", () => {
    const message = convert(fixture('google-text.json')).choices[0]?.message;
    expect(message?.thinking_blocks).toEqual([{ type: 'thinking', thinking: '', signature: expect.stringMatching(/^EtoFCtcF/) as string }]);
    expect(message?.reasoning_content).toBeUndefined();
  });

  it('carries the thought signature of a function call in its tool call id', () => {
    const choice = convert(fixture('google-tool-call.json')).choices[0];
    const call = choice?.message.tool_calls?.[0];
    expect(call?.function).toEqual({ name: 'weather', arguments: '{"location":"San Francisco"}' });
    expect(decodeToolCallId(call?.id ?? '').thoughtSignature).toMatch(/^EskgCsYgAb4/);
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
  });

  it('returns thought parts as reasoning_content and thinking blocks, apart from the answer', () => {
    const completion = convert({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { text: 'Counting letters. ', thought: true },
              { text: 'Three of them.', thought: true, thoughtSignature: 'sig-1' },
              { text: 'There are 3.' },
            ],
          },
          finishReason: 'STOP',
        },
      ],
    });
    const message = completion.choices[0]?.message;
    expect(message?.content).toBe('There are 3.');
    expect(message?.reasoning_content).toBe('Counting letters. Three of them.');
    expect(message?.thinking_blocks).toEqual([{ type: 'thinking', thinking: 'Counting letters. Three of them.', signature: 'sig-1' }]);
  });

  it('uses Gemini function call ids when it sends them', () => {
    const completion = convert({
      candidates: [{ content: { parts: [{ functionCall: { id: 'fc-7', name: 'lookup', args: {} } }] }, finishReason: 'STOP' }],
    });
    expect(completion.choices[0]?.message.tool_calls?.[0]?.id).toBe('fc-7');
  });

  it('maps MAX_TOKENS to length and SAFETY to content_filter', () => {
    expect(convert({ candidates: [{ content: { parts: [{ text: 'cut' }] }, finishReason: 'MAX_TOKENS' }] }).choices[0]?.finish_reason).toBe('length');
    expect(convert({ candidates: [{ content: { parts: [] }, finishReason: 'SAFETY' }] }).choices[0]?.finish_reason).toBe('content_filter');
  });

  it('answers a prompt Gemini blocked with an empty content_filter choice', () => {
    const completion = convert({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 } });
    expect(completion.choices).toEqual([{ index: 0, message: { role: 'assistant', content: null, refusal: null }, finish_reason: 'content_filter', logprobs: null }]);
    expect(completion.usage?.prompt_tokens).toBe(7);
  });

  it('fails on MALFORMED_FUNCTION_CALL instead of answering with nothing', () => {
    const error = failure({
      candidates: [{ content: { parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'Malformed function call: call:x{' }],
    });
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toContain('Malformed function call: call:x{');
  });

  it('returns one choice per candidate when n > 1', () => {
    const completion = convert({
      candidates: [
        { index: 0, content: { parts: [{ text: 'one' }] }, finishReason: 'STOP' },
        { index: 1, content: { parts: [{ text: 'two' }] }, finishReason: 'STOP' },
      ],
    });
    expect(completion.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, 'one'],
      [1, 'two'],
    ]);
  });

  it('fails when Google answers with neither candidates nor a block reason', () => {
    expect(failure({ usageMetadata: { promptTokenCount: 1 } }).kind).toBe('upstream_unavailable');
  });

  it('fails with the mapped kind when a 200 body carries an error', () => {
    expect(failure({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } }).kind).toBe('rate_limit');
  });
});
