import OpenAI, { AuthenticationError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { post, scenarioParams, startHarness, upstreamSecret, type Harness } from '../support/gateway-harness.js';

const masterKey = 'sk-master-key-for-tests';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(
    `general_settings: {master_key: os.environ/TEST_MASTER_KEY}
model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=2')}
  - model_name: embed
    litellm_params: ${scenarioParams('')}
`,
    { env: { TEST_MASTER_KEY: masterKey } },
  );
});
afterAll(() => harness.close());

describe('master key', () => {
  it('rejects a wrong key with AuthenticationError and never echoes a key', async () => {
    const error = await harness.client({ apiKey: 'sk-wrong' }).chat.completions.create({ model: 'demo', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).type).toBe('authentication_error');
    expect(JSON.stringify((error as AuthenticationError).error)).not.toContain('sk-wrong');
    expect(JSON.stringify((error as AuthenticationError).error)).not.toContain(masterKey);
  });

  it('rejects a missing key on every model route, with and without /v1', async () => {
    for (const path of ['/v1/chat/completions', '/chat/completions', '/v1/embeddings', '/embeddings']) {
      const response = await post(`${harness.url}${path}`, '{}');
      expect(response.status).toBe(401);
      expectOpenAIError(response.json, { type: 'authentication_error', code: 'missing_api_key' });
    }
    expect((await fetch(`${harness.url}/v1/models`)).status).toBe(401);
    expect((await fetch(`${harness.url}/models`)).status).toBe(401);
  });

  it('accepts Bearer, x-api-key and api-key', async () => {
    const body = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'x' }] });
    for (const headers of [{ authorization: `Bearer ${masterKey}` }, { 'x-api-key': masterKey }, { 'api-key': masterKey }]) {
      expect((await post(`${harness.url}/v1/chat/completions`, body, headers)).status).toBe(200);
    }
  });

  it('leaves health and metrics open', async () => {
    expect((await fetch(`${harness.url}/health/liveliness`)).status).toBe(200);
    expect(await (await fetch(`${harness.url}/health/readiness`)).json()).toEqual({ status: 'ready', model_groups: 2 });
    expect((await fetch(`${harness.url}/metrics`)).status).toBe(200);
  });
});

describe('routes through the official client with the master key', () => {
  let client: OpenAI;
  beforeAll(() => {
    client = harness.client({ apiKey: masterKey });
  });

  it('lists the models', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['demo', 'embed']);
    expect(page.data[0]).toMatchObject({ object: 'model', owned_by: 'switchyard' });
  });

  it('creates embeddings', async () => {
    const { data, response } = await client.embeddings.create({ model: 'embed', input: ['a', 'b'], encoding_format: 'float' }).withResponse();
    expect(data.data).toHaveLength(2);
    expect(data.data[1]?.embedding).toHaveLength(1536);
    expect(harness.mock.requests.at(-1)?.path).toBe('/v1/embeddings');
    expect(response.headers.get('x-switchyard-model-group')).toBe('embed');
  });

  it('keeps a sane client request id and replaces an unsafe one', async () => {
    const body = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'x' }] });
    const kept = await post(`${harness.url}/v1/chat/completions`, body, { authorization: `Bearer ${masterKey}`, 'x-request-id': 'client-id-123' });
    expect(kept.headers.get('x-request-id')).toBe('client-id-123');
    const replaced = await post(`${harness.url}/v1/chat/completions`, body, { authorization: `Bearer ${masterKey}`, 'x-request-id': 'bad id with spaces' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = harness.logs.find((entry) => entry['requestId'] === 'client-id-123');
    expect(line).toMatchObject({ route: '/v1/chat/completions', modelGroup: 'demo', status: 200 });
  });

  it('never logs a key', () => {
    const all = harness.rawLogs.join('\n');
    expect(all).not.toContain(masterKey);
    expect(all).not.toContain(upstreamSecret);
  });
});
