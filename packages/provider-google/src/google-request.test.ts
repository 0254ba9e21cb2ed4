import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useCaptureServer } from './google-capture.test-utils.js';
import { geminiTestKey } from './google-conformance-cases.test-utils.js';

const harness = useCaptureServer();

const request = (extra: Partial<ChatCompletionRequest> & Record<string, unknown>, model = 'gemini-2.5-flash'): ChatCompletionRequest => ({
  model,
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
});

async function generationConfig(extra: Partial<ChatCompletionRequest> & Record<string, unknown>, model?: string): Promise<unknown> {
  return (await harness.body(request(extra, model)))['generationConfig'];
}

describe('the upstream call', () => {
  it('POSTs to /v1beta/models/{model}:generateContent with the key in x-goog-api-key', async () => {
    const sent = await harness.capture(request({}));
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(sent.headers['x-goog-api-key']).toBe(geminiTestKey);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers['authorization']).toBeUndefined();
  });

  it('sends the settings headers, then the call headers', async () => {
    const sent = await harness.capture(request({}), { headers: { 'x-team': 'a', 'x-env': 'prod' } });
    expect([sent.headers['x-team'], sent.headers['x-env']]).toEqual(['a', 'prod']);
  });

  it('keeps a "models/" or "tunedModels/" prefix and honours the API version setting', async () => {
    expect((await harness.capture(request({}, 'models/gemini-2.5-pro'))).url).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect((await harness.capture(request({}, 'tunedModels/my-model-1'), { apiVersion: 'v1' })).url).toBe('/v1/tunedModels/my-model-1:generateContent');
  });

  it('uses a base URL that already names an API version as it is', async () => {
    const sent = await harness.capture(request({}), { baseURL: `${harness.server.origin}/v1alpha/` });
    expect(sent.url).toBe('/v1alpha/models/gemini-2.5-flash:generateContent');
  });

  it('rejects a model id that would change the URL path', async () => {
    const error = await harness.rejected(request({}, '../files/x'));
    expect([error.kind, error.param]).toEqual(['bad_request', 'model']);
  });
});

describe('sampling parameters → generationConfig', () => {
  it('maps temperature, top_p, top_k, seed, penalties and n', async () => {
    const config = await generationConfig({ temperature: 0.2, top_p: 0.9, top_k: 40, seed: 7, presence_penalty: 0.5, frequency_penalty: -0.5, n: 2 });
    expect(config).toEqual({ temperature: 0.2, topP: 0.9, topK: 40, seed: 7, presencePenalty: 0.5, frequencyPenalty: -0.5, candidateCount: 2 });
  });

  it('maps max_tokens to maxOutputTokens, max_completion_tokens winning', async () => {
    expect(await generationConfig({ max_tokens: 100 })).toEqual({ maxOutputTokens: 100 });
    expect(await generationConfig({ max_tokens: 100, max_completion_tokens: 50 })).toEqual({ maxOutputTokens: 50 });
  });

  it('maps stop, a string or a list, to stopSequences', async () => {
    expect(await generationConfig({ stop: 'END' })).toEqual({ stopSequences: ['END'] });
    expect(await generationConfig({ stop: ['a', 'b'] })).toEqual({ stopSequences: ['a', 'b'] });
  });

  it('sends no generationConfig when nothing asks for one, and null parameters count as unset', async () => {
    expect(await generationConfig({})).toBeUndefined();
    expect(await generationConfig({ temperature: null, logit_bias: null })).toBeUndefined();
  });

  it.each([
    ['logit_bias', { logit_bias: { '50256': -100 } }],
    ['logprobs', { logprobs: true }],
    ['top_logprobs', { top_logprobs: 2 }],
  ] as const)('rejects %s with a bad_request naming it, or drops it with drop_params', async (param, extra) => {
    const error = await harness.rejected(request(extra));
    expect([error.kind, error.param, error.code]).toEqual(['bad_request', param, 'unsupported_parameter']);
    expect(error.message).toContain('drop_params');
    const body = await harness.body(request(extra), { dropParams: true });
    expect(body['generationConfig']).toBeUndefined();
  });
});

describe('response_format', () => {
  it('maps json_object to responseMimeType application/json', async () => {
    expect(await generationConfig({ response_format: { type: 'json_object' } })).toEqual({ responseMimeType: 'application/json' });
  });

  it('maps json_schema to responseSchema, cleaned and with property ordering', async () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, age: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
      required: ['name', 'age'],
    };
    const config = await generationConfig({ response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema } } });
    expect(config).toEqual({
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer', nullable: true } },
        required: ['name', 'age'],
        propertyOrdering: ['name', 'age'],
      },
    });
  });

  it('returns the JSON Gemini writes as the message content', async () => {
    const json = '{"name":"Ada","age":36}';
    const upstream = { status: 200, body: JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: json }] }, finishReason: 'STOP' }] }) };
    const result = await harness.answer(request({ response_format: { type: 'json_object' } }), upstream);
    expect(result.completion.choices[0]?.message.content).toBe(json);
  });

  it('sends nothing for response_format text', async () => {
    expect(await generationConfig({ response_format: { type: 'text' } })).toBeUndefined();
  });
});

describe('reasoning → thinkingConfig', () => {
  it('sends a thinkingBudget to Gemini 2.5', async () => {
    expect(await generationConfig({ reasoning_effort: 'medium' })).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } });
  });

  it('sends a thinkingLevel to Gemini 3', async () => {
    expect(await generationConfig({ reasoning_effort: 'minimal' }, 'gemini-3-flash-preview')).toEqual({ thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } });
  });

  it('sends Anthropic-style thinking as a budget', async () => {
    expect(await generationConfig({ thinking: { type: 'enabled', budget_tokens: 3000 } })).toEqual({ thinkingConfig: { thinkingBudget: 3000, includeThoughts: true } });
  });

  it('rejects reasoning for a model that cannot think, or drops it with drop_params', async () => {
    const error = await harness.rejected(request({ reasoning_effort: 'high' }, 'gemini-2.0-flash'));
    expect([error.kind, error.param]).toEqual(['bad_request', 'reasoning_effort']);
    expect(await harness.body(request({ reasoning_effort: 'high' }, 'gemini-2.0-flash'), { dropParams: true })).not.toHaveProperty('generationConfig');
  });
});

describe('Gemini settings under LiteLLM names', () => {
  it('passes safety_settings and cached_content through', async () => {
    const safety = [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }];
    const body = await harness.body(request({ safety_settings: safety, cached_content: 'cachedContents/abc' }));
    expect(body['safetySettings']).toEqual(safety);
    expect(body['cachedContent']).toBe('cachedContents/abc');
  });
});
