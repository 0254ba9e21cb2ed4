import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { specErrors, sseData } from '../support/openai-spec.js';

let harness: Harness;
const masterKey = 'sk-spec-test';
const auth = { authorization: `Bearer ${masterKey}` };

beforeAll(async () => {
  harness = await startHarness(`general_settings: {master_key: ${masterKey}}
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('fixture=openai-text')}
  - model_name: tools
    litellm_params: ${scenarioParams('fixture=deepseek-tool-call')}
  - model_name: embed
    litellm_params: ${scenarioParams('')}
  - model_name: limited
    litellm_params: ${scenarioParams('fault=429,retry_after=20')}
  - model_name: broken
    litellm_params: ${scenarioParams('fault=midstream')}
`);
});
afterAll(() => harness.close());

const chat = (model: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], ...extra });

// Recorded OpenAI-format traffic replayed by the mock passes through the gateway byte for byte; these tests check
// that what the client finally receives still validates.
describe("the gateway's answers validate against OpenAI's published spec", () => {
  it('chat completion', async () => {
    const response = await post(`${harness.url}/v1/chat/completions`, chat('demo'), auth);
    expect(response.status).toBe(200);
    expect(specErrors('CreateChatCompletionResponse', response.json)).toEqual([]);
  });

  it.each([
    ['text without usage', 'demo', {}],
    ['text with usage', 'demo', { stream_options: { include_usage: true } }],
    ['tool calls', 'tools', {}],
  ])('stream chunks: %s', async (_name, model, extra) => {
    const response = await post(`${harness.url}/v1/chat/completions`, chat(model, { stream: true, ...extra }), auth);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.text.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = sseData(response.text);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(specErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
  });

  it('embeddings and the model list', async () => {
    const embeddings = await post(`${harness.url}/v1/embeddings`, JSON.stringify({ model: 'embed', input: 'hello' }), auth);
    expect(specErrors('CreateEmbeddingResponse', embeddings.json)).toEqual([]);
    const models = await fetch(`${harness.url}/v1/models`, { headers: auth });
    expect(specErrors('ListModelsResponse', await models.json())).toEqual([]);
  });

  it('error bodies: 400, 401, 404, 429, unknown route and the in-band stream error', async () => {
    const bodies = [
      (await post(`${harness.url}/v1/chat/completions`, '{"model": 1}', auth)).json,
      (await post(`${harness.url}/v1/chat/completions`, chat('demo'))).json,
      (await post(`${harness.url}/v1/chat/completions`, chat('nope'), auth)).json,
      (await post(`${harness.url}/v1/chat/completions`, chat('limited'), auth)).json,
      (await fetch(`${harness.url}/v1/unknown`)).json(),
    ];
    for (const body of await Promise.all(bodies)) expect(specErrors('ErrorResponse', body)).toEqual([]);
    const broken = await post(`${harness.url}/v1/chat/completions`, chat('broken', { stream: true }), auth);
    const events = sseData(broken.text);
    expect(broken.text.includes('[DONE]')).toBe(false);
    expect(specErrors('ErrorResponse', events.at(-1))).toEqual([]);
  });

  it('the validator rejects what the spec forbids', async () => {
    const response = await post(`${harness.url}/v1/chat/completions`, chat('demo'), auth);
    const tampered = structuredClone(response.json) as { choices: Array<{ finish_reason: string }> };
    tampered.choices[0]!.finish_reason = 'end_turn';
    expect(specErrors('CreateChatCompletionResponse', tampered).length).toBeGreaterThan(0);
    expect(specErrors('ErrorResponse', { error: { message: 'x' } }).length).toBeGreaterThan(0);
  });
});
