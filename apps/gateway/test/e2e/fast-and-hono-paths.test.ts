import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';

// Plain POSTs to the model routes are served without Hono (src/http/fast-routes.ts); a path Hono has to decode
// (`completion%73` is `completions`) still reaches the same middleware and handler through the Hono app.
const yaml = `
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=3')}
general_settings: {master_key: sk-gateway}
`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(yaml);
});
afterAll(() => harness.close());

const body = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'hi' }] });
const streamBody = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'hi' }], stream: true });
const auth = { 'content-type': 'application/json', authorization: 'Bearer sk-gateway' };

describe.each([
  ['the fast path', '/v1/chat/completions', '/v1/chat/completions'],
  ['the fast path, with a query string', '/chat/completions?trace=1', '/chat/completions'],
  ['the Hono app', '/v1/chat/completion%73', '/v1/chat/completions'],
])('model routes through %s', (_name, path, route) => {
  it('answers with the gateway headers and logs one line', async () => {
    const answer = await post(`${harness.url}${path}`, body, { ...auth, 'x-request-id': 'fast-or-hono-1' });
    expect(answer.status).toBe(200);
    expect((answer.json as { choices: unknown[] }).choices).toHaveLength(1);
    expect(answer.headers.get('x-request-id')).toBe('fast-or-hono-1');
    expect(answer.headers.get('x-switchyard-model-group')).toBe('demo');
    const line = harness.logs.find((entry) => entry['requestId'] === 'fast-or-hono-1' && entry['msg'] === 'request');
    expect(line).toMatchObject({ method: 'POST', route, status: 200, modelGroup: 'demo' });
    harness.logs.length = 0;
  });

  it('streams', async () => {
    const answer = await post(`${harness.url}${path}`, streamBody, auth);
    expect(answer.status).toBe(200);
    expect(answer.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('refuses a missing key with 401 before reading the body', async () => {
    const answer = await post(`${harness.url}${path}`, body, { 'content-type': 'application/json' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('requests the fast path leaves to the Hono app', () => {
  it('answers 404 for a GET on a model route', async () => {
    const answer = await fetch(`${harness.url}/v1/chat/completions`, { headers: { authorization: 'Bearer sk-gateway' } });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unknown_route');
  });
});
