import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from './index.js';
import { mockText } from './text/mock-answer.js';
import { rawRequest, sseData } from './test-support/raw-http.js';

let mock: MockProvider;
const messages = [{ role: 'user' as const, content: 'hello' }];
const chatBody = JSON.stringify({ model: 'm', messages });

beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function openai(baseURL: string, maxRetries = 0): OpenAI {
  return new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries });
}

describe('fault_times', () => {
  it('fails the first n requests of a scenario, then recovers (seen through SDK retries)', async () => {
    const client = openai(`${mock.url}/mock/fault=429,retry_after=0,fault_times=2/v1`, 2);
    const completion = await client.chat.completions.create({ model: 'm', messages });
    expect(completion.choices[0]?.message.content).toBe(mockText);
    expect(mock.requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('counts per scenario string and starts over after a reset', async () => {
    const send = (id: string) =>
      rawRequest(`${mock.url}/v1/chat/completions`, {
        headers: { 'x-mock-fault': '500', 'x-mock-fault-times': '1', 'x-mock-id': id },
        body: chatBody,
      }).then((response) => response.status);
    expect([await send('a'), await send('a'), await send('b')]).toEqual([500, 200, 500]);
    await rawRequest(`${mock.url}/__mock/reset`);
    expect(await send('a')).toBe(500);
    mock.reset();
    expect(await send('a')).toBe(500);
  });
});

describe('path-prefix scenarios', () => {
  it('selects the scenario through the base URL alone and strips it before routing', async () => {
    const error = await openai(`${mock.url}/mock/fault=429,retry_after=2/v1`)
      .chat.completions.create({ model: 'm', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('2');
    const [recorded] = mock.requests;
    expect(recorded).toMatchObject({
      path: '/v1/chat/completions',
      url: '/mock/fault=429,retry_after=2/v1/chat/completions',
      scenario: 'fault=429,retry_after=2',
    });
  });

  it('lets an x-mock header override the same key of the prefix', async () => {
    const client = openai(`${mock.url}/mock/fault=500,chunks=4/v1`);
    const completion = await client.chat.completions.create({ model: 'm', messages }, { headers: { 'x-mock-fault': 'bad_request' } }).catch((caught: unknown) => caught);
    expect(completion).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('replays a fixture chosen by the prefix', async () => {
    const completion = await openai(`${mock.url}/mock/fixture=xai-text/v1`).chat.completions.create({ model: 'm', messages });
    expect(completion.model).toBe('grok-3-mini');
  });

  it('rejects unknown keys and bad values with a precise 400 in the route format', async () => {
    const unknown = await rawRequest(`${mock.url}/mock/faults=429/v1/chat/completions`, { body: chatBody });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).error.message).toMatch(/^Unknown mock key "faults"/);
    const badValue = await rawRequest(`${mock.url}/v1/messages`, {
      headers: { 'x-mock-chunks': 'many', 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
      body: '{}',
    });
    expect(JSON.parse(badValue.text)).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'Mock chunks must be an integer from 1 to 100000, got "many".' },
    });
    const badFault = await rawRequest(`${mock.url}/mock/fault=418/v1/chat/completions`, { body: chatBody });
    expect(JSON.parse(badFault.text).error.message).toMatch(/^Unknown mock fault "418"; expected one of 429, 500/);
  });
});

describe('delays', () => {
  it('writes each stream frame separately and in order when chunk_ms is set', async () => {
    const response = await rawRequest(`${mock.url}/v1/chat/completions`, {
      headers: { 'x-mock-chunks': '5', 'x-mock-chunk-ms': '25' },
      body: JSON.stringify({ model: 'm', messages, stream: true }),
    });
    const pieces = response.pieces.map((piece) => piece.toString('utf8'));
    expect(pieces).toHaveLength(6);
    expect(pieces.every((piece) => piece.startsWith('data: ') && piece.endsWith('\n\n'))).toBe(true);
    expect(pieces.at(-1)).toBe('data: [DONE]\n\n');
    const deltas = sseData(pieces.join('')) as Array<{ choices: Array<{ delta: { content?: string } }> }>;
    expect(deltas.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(mockText);
  });

  it('holds the first byte for first_token_ms: nothing arrives before close()', async () => {
    const own = await startMockProvider();
    let answered = false;
    const pending = rawRequest(`${own.url}/v1/chat/completions`, { headers: { 'x-mock-first-token-ms': '600000' }, body: chatBody }).then(
      () => {
        answered = true;
      },
      (error: unknown) => error,
    );
    while (own.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    await own.close();
    expect(await pending).toMatchObject({ code: 'ECONNRESET' });
    expect(answered).toBe(false);
  });
});

describe('connection faults', () => {
  it('hang accepts the request, never answers, and close() still cleans up', async () => {
    const own = await startMockProvider();
    const pending = rawRequest(`${own.url}/v1/chat/completions`, { headers: { 'x-mock-fault': 'hang' }, body: chatBody }).catch(
      (error: unknown) => error,
    );
    while (own.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await own.close();
    expect(await pending).toMatchObject({ code: 'ECONNRESET' });
  });

  it('reset destroys the socket, and the mock keeps serving', async () => {
    const reset = rawRequest(`${mock.url}/v1/chat/completions`, { headers: { 'x-mock-fault': 'reset' }, body: chatBody });
    await expect(reset).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await rawRequest(`${mock.url}/v1/chat/completions`, { body: chatBody })).status).toBe(200);
  });

  it('midstream on a non-stream call cuts the body and drops the connection', async () => {
    const call = openai(`${mock.url}/mock/fault=midstream/v1`).chat.completions.create({ model: 'm', messages });
    await expect(call).rejects.toThrow();
  });
});

describe('request recording and control routes', () => {
  it('records method, path, headers, body and parsed JSON, and serves them on /__mock/requests', async () => {
    await rawRequest(`${mock.url}/v1/chat/completions?trace=1`, { headers: { 'x-custom': 'yes' }, body: chatBody });
    const [recorded] = mock.requests;
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      url: '/v1/chat/completions?trace=1',
      query: { trace: '1' },
      body: chatBody,
      json: { model: 'm', messages },
      scenario: '',
    });
    expect(recorded?.headers['x-custom']).toBe('yes');
    const listed = await rawRequest(`${mock.url}/__mock/requests`, { method: 'GET' });
    expect(JSON.parse(listed.text)).toEqual(JSON.parse(JSON.stringify(mock.requests)));
    const cleared = await rawRequest(`${mock.url}/__mock/reset`);
    expect(JSON.parse(cleared.text)).toEqual({ ok: true });
    expect(mock.requests).toEqual([]);
  });

  it('keeps only the most recent requests', async () => {
    const own = await startMockProvider({ maxRecordedRequests: 2 });
    for (const model of ['a', 'b', 'c']) {
      await rawRequest(`${own.url}/v1/chat/completions`, { body: JSON.stringify({ model, messages }) });
    }
    expect(own.requests.map((request) => (request.json as { model: string }).model)).toEqual(['b', 'c']);
    await own.close();
  });
});
