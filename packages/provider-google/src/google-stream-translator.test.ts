import type { ChatCompletionChunk } from '@switchyard/core';
import { caughtError, readChunksFixture } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { googleGenerateContentResponseSchema, type GoogleGenerateContentResponse } from './google-api.js';
import { GoogleStreamTranslator } from './google-stream-translator.js';

const fixtures = new URL('./__fixtures__/', import.meta.url);

function events(name: string): GoogleGenerateContentResponse[] {
  return readChunksFixture(fixtures, name).map((line) => googleGenerateContentResponseSchema.parse(JSON.parse(line)));
}

function translate(input: GoogleGenerateContentResponse[], includeUsage = false): ChatCompletionChunk[] {
  const translator = new GoogleStreamTranslator({ provider: 'gemini', model: 'gemini-test', includeUsage, secrets: [] });
  return [...input.flatMap((event) => translator.push(event)), ...translator.finish()];
}

const thrown = caughtError;

const deltas = (chunks: ChatCompletionChunk[]) => chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));

describe('GoogleStreamTranslator', () => {
  it('sends the role on the first delta only and keeps one id for the whole stream', () => {
    const chunks = translate(events('google-text.chunks.txt'));
    expect(deltas(chunks).map((delta) => delta.role)).toEqual(['assistant', undefined, undefined, undefined]);
    expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set(['chatcmpl-bH6LaZW8Fp_3nsEPqtaSwQ4']));
  });

  it('passes the closing thought signature as a thinking block delta', () => {
    const blocks = deltas(translate(events('google-text.chunks.txt'))).flatMap((delta) => delta.thinking_blocks ?? []);
    expect(blocks).toEqual([{ type: 'thinking', thinking: '', signature: expect.stringMatching(/^EqsFCqgF/) as string }]);
  });

  it('sends a whole function call as its id and name, then all its arguments in one fragment', () => {
    const calls = deltas(translate(events('google-tool-call.chunks.txt'))).flatMap((delta) => delta.tool_calls ?? []);
    expect(calls).toEqual([
      { index: 0, id: expect.stringMatching(/^call_[0-9a-f]{24}__thought__EqUCCqIC/) as string, type: 'function', function: { name: 'weather', arguments: '' } },
      { index: 0, function: { arguments: '{"location":"San Francisco"}' } },
    ]);
  });

  it('sends a streamed call header when it starts and its arguments when it ends', () => {
    const calls = deltas(translate(events('google-stream-tool-call-arguments.chunks.txt'))).flatMap((delta) => delta.tool_calls ?? []);
    expect(calls.map((call) => [call.index, call.function?.name, call.function?.arguments])).toEqual([
      [0, 'getWeather', ''],
      [0, undefined, '{"location":"Boston"}'],
      [1, 'getWeather', ''],
      [1, undefined, '{"location":"San Francisco"}'],
    ]);
  });

  it('streams thought text as reasoning_content', () => {
    const reasoning = deltas(translate(events('google-stream-no-args-tool-call.chunks.txt'))).map((delta) => delta.reasoning_content ?? '').join('');
    expect(reasoning).toMatch(/^\*\*Processing User Requests\*\*/);
  });

  it('ends with finish_reason tool_calls after function calls', () => {
    const chunks = translate(events('google-stream-no-args-tool-call.chunks.txt'));
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('adds usage in a final chunk without choices only when include_usage is set', () => {
    const withUsage = translate(events('google-text.chunks.txt'), true);
    expect(withUsage.at(-1)?.choices).toEqual([]);
    expect(withUsage.at(-1)?.usage?.total_tokens).toBe(217);
    expect(withUsage.slice(0, -1).every((chunk) => chunk.usage === undefined)).toBe(true);
    expect(translate(events('google-text.chunks.txt')).every((chunk) => chunk.usage === undefined)).toBe(true);
  });

  it('throws when the stream ends before a finish reason', () => {
    const error = thrown(() => translate(events('google-text.chunks.txt').slice(0, 2)));
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toContain('before a finish reason');
  });

  it('throws on MALFORMED_FUNCTION_CALL instead of finishing silently', () => {
    const error = thrown(() => translate([{ candidates: [{ content: { parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'bad call' }] }]));
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toContain('bad call');
  });

  it('answers a blocked prompt with a content_filter finish', () => {
    const chunks = translate([{ promptFeedback: { blockReason: 'SAFETY' } }]);
    expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual(['content_filter']);
  });

  it('throws on partial arguments that belong to no function call', () => {
    const error = thrown(() => translate([{ candidates: [{ content: { parts: [{ functionCall: { partialArgs: [{ jsonPath: '$.a', stringValue: 'x' }] } }] } }] }]));
    expect(error.message).toContain('without a function call');
  });

  it('throws the mapped error for an error event', () => {
    expect(thrown(() => translate([{ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } }])).kind).toBe('rate_limit');
  });

  it('keeps candidates apart when n > 1', () => {
    const chunks = translate([
      { candidates: [{ index: 0, content: { parts: [{ text: 'a' }] } }, { index: 1, content: { parts: [{ text: 'b' }] } }] },
      { candidates: [{ index: 0, finishReason: 'STOP' }, { index: 1, finishReason: 'MAX_TOKENS' }] },
    ]);
    const byChoice = chunks.flatMap((chunk) => chunk.choices.map((choice) => [choice.index, choice.delta.content ?? null, choice.finish_reason]));
    expect(byChoice).toEqual([
      [0, 'a', null],
      [1, 'b', null],
      [0, null, 'stop'],
      [1, null, 'length'],
    ]);
  });
});
