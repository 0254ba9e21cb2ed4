import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { rawRequest } from './test-support/raw-http.js';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => mock.close());

type Shape = (body: unknown) => boolean;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
const openaiShape: Shape = (body) => isObject(body) && isObject(body['error']) && typeof body['error']['message'] === 'string' && 'type' in body['error'];
const anthropicShape: Shape = (body) => isObject(body) && body['type'] === 'error' && isObject(body['error']) && typeof body['error']['type'] === 'string';
const geminiShape: Shape = (body) => isObject(body) && isObject(body['error']) && typeof body['error']['code'] === 'number' && typeof body['error']['status'] === 'string';
const bedrockShape: Shape = (body) => isObject(body) && typeof body['message'] === 'string';

interface RouteCase {
  name: string;
  path: string;
  headers: Record<string, string>;
  shape: Shape;
}

const anthropicHeaders = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' };
const routes: RouteCase[] = [
  { name: 'OpenAI chat', path: '/v1/chat/completions', headers: {}, shape: openaiShape },
  { name: 'OpenAI embeddings', path: '/v1/embeddings', headers: {}, shape: openaiShape },
  { name: 'Azure chat', path: '/openai/deployments/d/chat/completions?api-version=2024-10-21', headers: { 'api-key': 'k' }, shape: openaiShape },
  { name: 'Anthropic messages', path: '/v1/messages', headers: anthropicHeaders, shape: anthropicShape },
  { name: 'Gemini generate', path: '/v1beta/models/g:generateContent', headers: { 'x-goog-api-key': 'k' }, shape: geminiShape },
  { name: 'Gemini batch embed', path: '/v1beta/models/g:batchEmbedContents', headers: { 'x-goog-api-key': 'k' }, shape: geminiShape },
  {
    name: 'Vertex stream',
    path: '/v1/projects/p/locations/l/publishers/google/models/g:streamGenerateContent?alt=sse',
    headers: { authorization: 'Bearer t' },
    shape: geminiShape,
  },
  { name: 'Bedrock converse', path: '/model/m%3A0/converse', headers: { authorization: 'Bearer k' }, shape: bedrockShape },
  { name: 'Bedrock stream', path: '/model/m%3A0/converse-stream', headers: { authorization: 'Bearer k' }, shape: bedrockShape },
  { name: 'Bedrock Titan', path: '/model/amazon.titan-embed-text-v2%3A0/invoke', headers: { authorization: 'Bearer k' }, shape: bedrockShape },
  { name: 'Bedrock Cohere', path: '/model/cohere.embed-english-v3/invoke', headers: { authorization: 'Bearer k' }, shape: bedrockShape },
];

describe.each(routes)('$name with malformed input', ({ path, headers, shape }) => {
  const post = (body: string) => rawRequest(`${mock.url}${path}`, { headers, body });

  it('answers 400 in its own error shape to broken JSON, a JSON array and an empty body', async () => {
    for (const body of ['{"model": ', '[1,2,3]', '']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(shape(JSON.parse(response.text))).toBe(true);
    }
  });

  it('never crashes and never answers 5xx, whatever JSON arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const response = await post(JSON.stringify(value));
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 25 },
    );
    expect((await post('{"nope":true}')).status).toBe(400);
  });
});

describe('other bad requests', () => {
  it('answers 413 to a body over the limit, in the route format', async () => {
    const response = await rawRequest(`${mock.url}/v1/messages`, { headers: anthropicHeaders, body: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text).error.type).toBe('request_too_large');
  });

  it('answers 404 for an unknown route, in the format its path suggests', async () => {
    const openai = await rawRequest(`${mock.url}/v1/completions`, { body: '{}' });
    expect(openai.status).toBe(404);
    expect(openaiShape(JSON.parse(openai.text))).toBe(true);
    const bedrock = await rawRequest(`${mock.url}/model/m/invoke-with-response-stream`, { body: '{}' });
    expect(bedrock.status).toBe(404);
    expect(bedrock.headers['x-amzn-errortype']).toMatch(/^ResourceNotFoundException:/);
    const gemini = await rawRequest(`${mock.url}/v1beta/models/g:countTokens`, { headers: { 'x-goog-api-key': 'k' }, body: '{}' });
    expect(JSON.parse(gemini.text).error.status).toBe('NOT_FOUND');
  });

  it('rejects a bad percent-encoding in the scenario prefix', async () => {
    const response = await rawRequest(`${mock.url}/mock/fault=%E0%A4%A/v1/chat/completions`, { body: '{}' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.message).toMatch(/not valid percent-encoding/);
  });
});
