import { AzureOpenAI, BadRequestError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest } from './test-support/raw-http.js';

let mock: MockProvider;
let client: AzureOpenAI;
const messages = [{ role: 'user' as const, content: 'Hi Azure' }];

beforeAll(async () => {
  mock = await startMockProvider();
  client = new AzureOpenAI({
    apiKey: 'azure-key',
    endpoint: mock.url,
    apiVersion: '2024-10-21',
    deployment: 'my-gpt4o',
    maxRetries: 0,
  });
});
afterAll(() => mock.close());

describe('Azure OpenAI deployments', () => {
  it('answers chat completions on the deployment route with the api-key header', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion.choices[0]?.message.content).toBe(mockText);
    const sent = mock.requests.at(-1);
    expect(sent?.path).toBe('/openai/deployments/my-gpt4o/chat/completions');
    expect(sent?.query).toEqual({ 'api-version': '2024-10-21' });
    expect(sent?.headers['api-key']).toBe('azure-key');
  });

  it('replays the recorded model-router stream, whose first chunk has no choices', async () => {
    const completion = await client.chat.completions
      .stream({ model: 'gpt-4o', messages }, { headers: { 'x-mock-fixture': 'azure-model-router.1' } })
      .finalChatCompletion();
    expect(completion.model).toBe('gpt-5-nano-2025-08-07');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toHaveLength(19);
  });

  it('embeds on the deployment route', async () => {
    const response = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'yard', dimensions: 16 });
    expect(response.data[0]?.embedding).toHaveLength(16);
    expect(mock.requests.at(-1)?.path).toBe('/openai/deployments/my-gpt4o/embeddings');
  });

  it('reports content filtering the Azure way', async () => {
    const call = client.chat.completions.create({ model: 'gpt-4o', messages }, { headers: { 'x-mock-fault': 'content_policy' } });
    await expect(call).rejects.toBeInstanceOf(BadRequestError);
    await expect(call).rejects.toMatchObject({ code: 'content_filter' });
  });

  it('answers 401 without an api-key and 400 without an api-version', async () => {
    const body = JSON.stringify({ messages });
    const keyless = await rawRequest(`${mock.url}/openai/deployments/d/chat/completions?api-version=2024-10-21`, { body });
    expect(keyless.status).toBe(401);
    expect(JSON.parse(keyless.text).error.code).toBe('401');
    const versionless = await rawRequest(`${mock.url}/openai/deployments/d/chat/completions`, {
      headers: { 'api-key': 'k' },
      body,
    });
    expect(versionless.status).toBe(400);
    expect(JSON.parse(versionless.text).error).toMatchObject({ param: 'api-version', type: 'invalid_request_error' });
  });
});
