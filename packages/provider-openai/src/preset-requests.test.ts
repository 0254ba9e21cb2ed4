import type { ChatCompletionRequest } from '@switchyard/core';
import { useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createOpenAI, openaiFamily } from './openai-provider.js';
import type { DroppedParamsEvent } from './openai-settings.js';
import { jsonFixture, openAIStreamBody } from './test-support/fixtures.js';

const messages: ChatCompletionRequest['messages'] = [{ role: 'user', content: 'Hi' }];

describe('requests each preset sends upstream', () => {
  const server = useRecordedServer({ clearBeforeEach: true });

  it('openai: bearer key, configured and per-call headers, the model id as given', async () => {
    server().enqueue({ body: jsonFixture('openai-text.json') });
    const openai = createOpenAI({ apiKey: 'sk-a', baseURL: `${server().origin}/v1`, headers: { 'openai-project': 'p1' }, env: {} });
    await openai.chat({ model: 'gpt-4o-mini', messages }, { headers: { 'x-trace': 't1' } });
    const [request] = server().requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions', json: { model: 'gpt-4o-mini', messages } });
    expect(request!.headers).toMatchObject({ authorization: 'Bearer sk-a', 'openai-project': 'p1', 'x-trace': 't1' });
  });

  it('azure: deployment URL with api-version, api-key header; the v1 surface keeps the model in the body', async () => {
    server().enqueue({ body: jsonFixture('openai-text.json') }, { body: jsonFixture('openai-text.json') });
    const deployments = createOpenAI({ provider: 'azure', apiKey: 'az', baseURL: server().origin, env: { AZURE_API_VERSION: '2024-12-01-preview' } });
    await deployments.chat({ model: 'gpt-4o-eu', messages });
    const v1 = createOpenAI({ provider: 'azure', apiKey: 'az', baseURL: `${server().origin}/openai/v1`, env: {} });
    await v1.chat({ model: 'gpt-4o-eu', messages });
    expect(server().requests.map((request) => request.url)).toEqual([
      '/openai/deployments/gpt-4o-eu/chat/completions?api-version=2024-12-01-preview',
      '/openai/v1/chat/completions',
    ]);
    for (const request of server().requests) {
      expect(request.headers['api-key']).toBe('az');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.json).toMatchObject({ model: 'gpt-4o-eu' });
    }
  });

  it('azure embeddings go to the deployment embeddings URL and pass the body through', async () => {
    const recorded = JSON.stringify({ object: 'list', model: 'text-embedding-3-small', data: [{ object: 'embedding', index: 0, embedding: [0.5, -0.25] }], usage: { prompt_tokens: 1, total_tokens: 1 } });
    server().enqueue({ body: recorded });
    const azure = createOpenAI({ provider: 'azure', apiKey: 'az', baseURL: server().origin, apiVersion: '2024-10-21', env: {} });
    const result = await azure.embed!({ model: 'emb-deployment', input: 'hello' });
    expect(server().requests[0]!.url).toBe('/openai/deployments/emb-deployment/embeddings?api-version=2024-10-21');
    expect(Buffer.from(result.body).toString('utf8')).toBe(recorded);
    expect(result.response.data[0]!.embedding).toEqual([0.5, -0.25]);
  });

  it('openrouter keeps a model id that contains a slash', async () => {
    server().enqueue({ body: jsonFixture('openai-text.json') });
    await createOpenAI({ provider: 'openrouter', apiKey: 'or', baseURL: `${server().origin}/api/v1`, env: {} }).chat({ model: 'anthropic/claude-sonnet-4', messages });
    expect(server().requests[0]).toMatchObject({ url: '/api/v1/chat/completions', json: { model: 'anthropic/claude-sonnet-4' } });
  });

  it('ollama and hosted_vllm send no Authorization header without a key', async () => {
    server().enqueue({ body: jsonFixture('openai-text.json') }, { body: jsonFixture('openai-text.json') });
    await createOpenAI({ provider: 'ollama', baseURL: `${server().origin}/v1`, env: {} }).chat({ model: 'llama3.2', messages });
    await createOpenAI({ provider: 'hosted_vllm', env: { HOSTED_VLLM_API_BASE: `${server().origin}/v1` } }).chat({ model: 'meta-llama/Llama-3.1-8B', messages });
    expect(server().requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
    expect(server().requests[1]!.url).toBe('/v1/chat/completions');
  });

  it('rejects an unsupported parameter before anything reaches the vendor', async () => {
    const groq = createOpenAI({ provider: 'groq', apiKey: 'g', baseURL: server().origin, env: {} });
    await expect(groq.chat({ model: 'llama-3.3-70b-versatile', messages, logprobs: true })).rejects.toMatchObject({ kind: 'bad_request', param: 'logprobs' });
    await expect(groq.streamChat({ model: 'llama-3.3-70b-versatile', messages, logit_bias: { '1': 2 } })).rejects.toMatchObject({ param: 'logit_bias' });
    expect(server().requests).toHaveLength(0);
  });

  it('drops unsupported parameters with dropParams, reporting them on the result and through the hook', async () => {
    server().enqueue({ body: openAIStreamBody('groq-tool-call.chunks.txt') });
    const events: DroppedParamsEvent[] = [];
    const groq = createOpenAI({ provider: 'groq', apiKey: 'g', baseURL: server().origin, dropParams: true, onDroppedParams: (event) => events.push(event), env: {} });
    const stream = await groq.streamChat({ model: 'llama-3.3-70b-versatile', messages, logprobs: true, top_logprobs: 2, temperature: 0.1 });
    for await (const part of stream) expect(part.json.length).toBeGreaterThan(0);
    expect(stream.droppedParams).toEqual(['logprobs', 'top_logprobs']);
    expect(events).toEqual([{ provider: 'groq', model: 'llama-3.3-70b-versatile', params: ['logprobs', 'top_logprobs'] }]);
    expect(server().requests[0]!.json).toEqual({ model: 'llama-3.3-70b-versatile', messages, temperature: 0.1, stream: true });
  });

  it('returns rate-limit and request-id headers of the upstream answer', async () => {
    server().enqueue({ body: jsonFixture('openai-text.json'), headers: { 'x-ratelimit-remaining-requests': '499', 'x-request-id': 'req_9', 'set-cookie': 'a=b' } });
    const result = await createOpenAI({ apiKey: 'k', baseURL: server().origin, env: {} }).chat({ model: 'gpt-4o-mini', messages });
    expect(result.upstreamHeaders).toEqual({ 'x-ratelimit-remaining-requests': '499', 'x-request-id': 'req_9' });
  });

  it('the family creates providers from LiteLLM-style settings', async () => {
    server().enqueue({ body: jsonFixture('deepseek-reasoning.json') });
    const provider = openaiFamily.create({ provider: 'deepseek', apiKey: 'ds', baseURL: server().origin });
    expect(provider.id).toBe('deepseek');
    expect(provider.embed).toBeUndefined();
    const result = await provider.chat({ model: 'deepseek-reasoner', messages });
    expect(result.completion.model).toBe('deepseek-reasoner');
  });
});
