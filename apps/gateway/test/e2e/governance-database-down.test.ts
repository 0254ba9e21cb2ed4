import { createTemporaryDatabase, type TemporaryDatabase } from '@switchyard/store/testing';
import { APIError, InternalServerError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { servicesReachable } from '../support/service-urls.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

// A governed gateway on a real Postgres database reached through a TCP proxy that is then cut (open connections
// destroyed, new ones refused): keys the process has read keep working, a key it never read is a typed, retryable
// 503 that says nothing about the database. (Dropping the database instead trips postgres.js 3.4.9's unguarded
// nextWrite on a closed socket, porsager/postgres#1154: an uncaught exception the gateway's last-resort handler
// logs and survives, but a test runner reports.)

let harness: Harness | undefined;
let database: TemporaryDatabase | undefined;
let proxy: TcpProxy | undefined;
let skipReason: string | undefined;
const keys: { cached: string; unseen: string } = { cached: '', unseen: '' };

beforeAll(async () => {
  const services = await servicesReachable();
  skipReason = services.skipReason;
  if (skipReason !== undefined) return;
  database = await createTemporaryDatabase(services.postgresUrl, 'gw_db_down');
  const direct = new URL(database.url);
  proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
  const proxied = new URL(database.url);
  proxied.hostname = proxy.host;
  proxied.port = String(proxy.port);
  harness = await startHarness(`model_list:\n  - model_name: chat\n    litellm_params: ${scenarioParams('')}\n`, {
    governanceEnv: { SWITCHYARD_MASTER_KEY: 'sk-db-down-master', DATABASE_URL: proxied.toString(), SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '50' },
  });
  const store = harness.gateway.governance!.store;
  keys.cached = (await store.keys.create({ keyAlias: 'cached' })).key;
  keys.unseen = (await store.keys.create({ keyAlias: 'unseen' })).key;
}, 60_000);

afterAll(async () => {
  // The spend buffer retries the unwritable logs for up to 10 s on close, then gives up (logged).
  await harness?.close().catch(() => undefined);
  await proxy?.cut().catch(() => undefined);
  await database?.drop().catch(() => undefined);
}, 60_000);

const hello = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] });

describe('governance while the database is down', () => {
  it('answers 503 for an unseen key, keeps serving a cached one, and leaks nothing', async (context) => {
    if (skipReason !== undefined) return context.skip(skipReason);
    const h = harness!;
    const url = `${h.url}/v1/chat/completions`;
    expect((await post(url, hello, { authorization: `Bearer ${keys.cached}` })).status).toBe(200);

    await proxy!.cut();

    const refused = await post(url, hello, { authorization: `Bearer ${keys.unseen}` });
    expect(refused.status).toBe(503);
    expectOpenAIError(refused.json, { type: 'service_unavailable_error', code: 'database_unavailable' });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.text).not.toContain(database!.name);
    expect(refused.text).not.toContain(String(proxy!.port));
    expect(refused.text).not.toMatch(/postgres|does not exist|ECONNREFUSED|sk-/i);

    // Through the official client: a retryable error it would retry (here with no retries left).
    const error = await h
      .client({ apiKey: keys.unseen })
      .chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(503);

    for (let request = 0; request < 3; request++) {
      expect((await post(url, hello, { authorization: `Bearer ${keys.cached}` })).status).toBe(200);
    }
    // The process keeps running and says why, without the URL or credentials.
    expect((await fetch(`${h.url}/health/liveliness`)).status).toBe(200);
    const warnings = h.rawLogs.filter((line) => line.includes('governance database unavailable'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) expect(line).not.toContain(database!.name);
  });
});
