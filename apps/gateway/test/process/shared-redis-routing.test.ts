import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, listeningUrl, runGateway, type GatewayProcess } from '../support/gateway-process.js';
import { redisReachable } from '../support/service-urls.js';

const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const hi = [{ role: 'user' as const, content: 'Hi' }];

const reachable = await redisReachable(redisUrl);
// In CI an unreachable Redis is a failure, not a skip.
if (!reachable && process.env['CI'] === 'true') throw new Error(`Redis is not reachable at ${redisUrl}`);

describe.skipIf(!reachable)('two gateway processes sharing one Redis route as one', () => {
  let mock: MockProvider;
  const gateways: GatewayProcess[] = [];
  const clients: OpenAI[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mock = await startMockProvider();
    const base = (scenario: string) => `${mock.url}/mock/${scenario}/v1`;
    const config = `
model_list:
  - model_name: shared
    litellm_params: {model: openai/gpt-4o-mini, api_base: "${base('fault=429,retry_after=30,id=shared-429')}", api_key: k, order: 1}
    model_info: {id: shared-429}
  - model_name: shared
    litellm_params: {model: openai/gpt-4o-mini, api_base: "${base('id=shared-peer')}", api_key: k, order: 2}
    model_info: {id: shared-peer}
  - model_name: metered
    litellm_params: {model: openai/gpt-4o-mini, api_base: "${base('id=metered')}", api_key: k, rpm: 3}
    model_info: {id: metered-1}
router_settings: {redis_url: "${redisUrl}", num_retries: 0}
`;
    const file = join(mkdtempSync(join(tmpdir(), 'switchyard-redis-')), 'config.yaml');
    writeFileSync(file, config);
    const env = { SWITCHYARD_ROUTER_REDIS_PREFIX: `switchyard:test:${randomUUID()}:` };
    for (let i = 0; i < 2; i++) gateways.push(runGateway(['--config', file, '--port', '0', '--log-level', 'info'], env));
    for (const gateway of gateways) {
      clients.push(new OpenAI({ baseURL: `${await listeningUrl(gateway)}/v1`, apiKey: 'x', maxRetries: 0 }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const gateway of gateways) gateway.child.kill('SIGTERM');
    await Promise.all(gateways.map((gateway) => gateway.exited));
    await mock?.close();
  });

  function sent(label: string): number {
    return mock.requests.filter((request) => request.scenario.split(',').includes(`id=${label}`)).length;
  }

  it('honours on one instance a cooldown triggered through the other', async () => {
    const [first, second] = clients as [OpenAI, OpenAI];
    // num_retries 0: the 429 reaches the client, and cools the order-1 deployment down for its 30 s retry-after.
    const refused = await first.chat.completions.create({ model: 'shared', messages: hi }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429 });
    expect(sent('shared-429')).toBe(1);
    for (let i = 0; i < 3; i++) {
      const viaSecond = await second.chat.completions.create({ model: 'shared', messages: hi }).withResponse();
      expect(viaSecond.response.headers.get('x-switchyard-deployment')).toBe('shared-peer');
      expect(viaSecond.response.headers.get('x-switchyard-attempts')).toBe('1');
    }
    expect(sent('shared-429')).toBe(1);
  });

  it('holds an rpm limit across both instances', async () => {
    // The counters are per calendar minute: start well inside one so all six requests fall in the same minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = clients[i % 2] as OpenAI;
      try {
        await client.chat.completions.create({ model: 'metered', messages: hi });
        statuses.push(200);
      } catch (error) {
        statuses.push((error as { status: number }).status);
      }
    }
    // rpm 3 for the one deployment, wherever the requests arrive: three served, three refused with 429.
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    expect(sent('metered')).toBe(3);
  }, 90_000);
});
