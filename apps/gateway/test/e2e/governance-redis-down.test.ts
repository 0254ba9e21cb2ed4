import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { withinOneRateWindow } from '../support/rate-window.js';

// REDIS_URL names a port nothing listens on: the limits fall back to this process's own counts (and say so once)
// instead of failing every governed request.

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(`model_list:\n  - model_name: chat\n    litellm_params: ${scenarioParams('')}\n`, {
    governanceEnv: { SWITCHYARD_MASTER_KEY: 'sk-redis-down-master', REDIS_URL: 'redis://127.0.0.1:1' },
  });
});
afterAll(() => harness?.close());

describe('governance while Redis is down', () => {
  it('serves and limits on local counts, and logs the fallback once', async () => {
    const { key } = await harness.gateway.governance!.store.keys.create({ rpmLimit: 1 });
    await withinOneRateWindow();
    const body = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] });
    const headers = { authorization: `Bearer ${key}` };
    expect((await post(`${harness.url}/v1/chat/completions`, body, headers)).status).toBe(200);
    const refused = await post(`${harness.url}/v1/chat/completions`, body, headers);
    expect(refused.status).toBe(429);
    expect((refused.json as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
    const warnings = harness.logs.filter((line) => String(line['msg']).startsWith('governance limits: Redis unavailable'));
    expect(warnings).toHaveLength(1);
  });
});
