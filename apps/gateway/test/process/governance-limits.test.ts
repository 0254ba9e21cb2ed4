import { randomUUID } from 'node:crypto';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';
import type { Store } from '@switchyard/store';
import { createTemporaryDatabase, type TemporaryDatabase } from '@switchyard/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/gateway-process.js';
import {
  callMetered,
  meteredConfig,
  pgliteBackend,
  requestCost,
  sharedBackend,
  startGovernedGateway,
  stopGateway,
  type Answer,
  type GovernedBackend,
  type GovernedGateway,
} from '../support/governed-gateways.js';
import { servicesReachable } from '../support/service-urls.js';
import { withinOneRateWindow } from '../support/rate-window.js';

// Budgets and rate limits held by real gateway processes: one process on PGlite with in-process counters, and two
// processes sharing Postgres and Redis.
//
// Tolerance. The limiter reserves each request's *estimated* cost before the call and settles it to the real cost
// after, so concurrent requests can overspend a budget only by the sum of (real - estimate) over the requests in
// flight. Here the estimate is exact (max_tokens 10 = the mock's 10 completion tokens, input priced at 0), so the
// tolerance is zero: 200 concurrent requests on a budget of exactly 100 requests serve exactly 100.

const services = await servicesReachable();
let mock: MockProvider;
let configPath: string;

beforeAll(async () => {
  ensureBuilt();
  mock = await startMockProvider();
  configPath = meteredConfig(mock.url);
});
afterAll(() => mock?.close());

function tally(answers: Answer[]): { served: number; budgetRefused: number; rateRefused: number; other: number[] } {
  return {
    served: answers.filter((answer) => answer.status === 200).length,
    budgetRefused: answers.filter((answer) => answer.status === 429 && answer.code === 'budget_exceeded').length,
    rateRefused: answers.filter((answer) => answer.status === 429 && answer.code === 'rate_limit_exceeded').length,
    other: answers.filter((answer) => answer.status !== 200 && answer.status !== 429).map((answer) => answer.status),
  };
}

/** Creates a key (and closes the store again when it is PGlite, which only one process may open). */
async function keyWith(backend: GovernedBackend, limits: { maxBudget?: number; rpmLimit?: number }): Promise<{ key: string; id: string }> {
  const store = await backend.openStore();
  try {
    const { key, record } = await store.keys.create({ keyAlias: `limits-${randomUUID()}`, ...limits });
    return { key, id: record.id };
  } finally {
    await store.close();
  }
}

async function spendOf(store: Store, keyId: string): Promise<{ logs: number; sum: number; keySpend: number }> {
  const { keyHash } = (await store.keys.get(keyId))!;
  const logs = await store.spend.logs({ keyHash, limit: 1000 });
  // The counter is read after the logs: a flush that commits between the two reads (the other gateway's) then
  // shows in the counter too, and a log and its spend commit in one transaction, so counter >= logs' sum.
  const { spend } = (await store.keys.get(keyId))!;
  return { logs: logs.items.length, sum: logs.items.reduce((total, log) => total + log.cost, 0), keySpend: spend };
}

/** `count` concurrent requests spread round-robin over the gateways. */
function burst(gateways: GovernedGateway[], key: string, count: number): Promise<Answer[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => callMetered(gateways[i % gateways.length]!.url, key)));
}

describe('a budget under 200 concurrent requests', () => {
  it('one gateway (PGlite, in-process counters) serves exactly the 100 the budget covers', async () => {
    const backend = pgliteBackend();
    const { key, id } = await keyWith(backend, { maxBudget: 100 * requestCost });
    const gateway = await startGovernedGateway(configPath, backend);
    const answers = await burst([gateway], key, 200);
    expect(await stopGateway(gateway)).toBe(0);
    expect(tally(answers)).toEqual({ served: 100, budgetRefused: 100, rateRefused: 0, other: [] });
    const store = await backend.openStore();
    try {
      // SIGTERM flushed every served request's spend log; the key's spend counter is the logs' sum.
      expect(await spendOf(store, id)).toEqual({ logs: 100, sum: 100 * requestCost, keySpend: 100 * requestCost });
    } finally {
      await store.close();
    }
  }, 180_000);

  describe.skipIf(services.skipReason !== undefined)('two gateways sharing Postgres and Redis', () => {
    let database: TemporaryDatabase;
    let backend: GovernedBackend;
    const gateways: GovernedGateway[] = [];

    beforeAll(async () => {
      database = await createTemporaryDatabase(services.postgresUrl, 'switchyard_gov_limits');
      backend = sharedBackend(database.url, services.redisUrl, `switchyard:test:${randomUUID()}:`);
      // One process migrates first; the second then finds the schema (both would also be safe: advisory lock).
      gateways.push(await startGovernedGateway(configPath, backend));
      gateways.push(await startGovernedGateway(configPath, backend));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(gateways.map((gateway) => stopGateway(gateway)));
      await database?.drop();
    });

    it('serve exactly the 100 requests the budget covers between them', async () => {
      const { key, id } = await keyWith(backend, { maxBudget: 100 * requestCost });
      const answers = await burst(gateways, key, 200);
      // Each gateway got 100 requests, which its own counts alone would all admit: 100 served in total means the
      // budget was counted once, in Redis, for both (which gateway served how many depends on timing).
      expect(tally(answers)).toEqual({ served: 100, budgetRefused: 100, rateRefused: 0, other: [] });
      const store = await backend.openStore();
      try {
        let spend = await spendOf(store, id);
        for (let attempt = 0; attempt < 100 && spend.logs < 100; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          spend = await spendOf(store, id);
        }
        expect(spend).toEqual({ logs: 100, sum: 100 * requestCost, keySpend: 100 * requestCost });
      } finally {
        await store.close();
      }
    }, 120_000);

    it('hold an rpm limit of 60: 100 requests split across both, 60 served in the window', async () => {
      const { key } = await keyWith(backend, { rpmLimit: 60 });
      await withinOneRateWindow(20_000);
      const answers = await burst(gateways, key, 100);
      expect(tally(answers)).toEqual({ served: 60, budgetRefused: 0, rateRefused: 40, other: [] });
    }, 120_000);
  });
});
