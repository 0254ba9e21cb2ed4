import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dailySpend, spendLogs } from '../schema/index.js';
import type { Store } from '../store.js';
import type { StoreCase } from '../testing/index.js';
import { sampleSpendLog, uniqueId } from '../testing/index.js';

async function keyRollup(store: Store, keyHash: string) {
  const [row] = await store.spend.report({ scope: 'key', scopeId: keyHash, from: '2000-01-01', to: '2999-12-31', groupBy: [] });
  return row;
}

async function loggedCost(store: Store, keyHash: string): Promise<string> {
  const [row] = await store.db
    .select({ cost: sql<string>`coalesce(sum(${spendLogs.cost}), 0)::text` })
    .from(spendLogs)
    .where(eq(spendLogs.keyHash, keyHash));
  return row?.cost ?? '';
}

export const spendCases: StoreCase[] = [
  {
    name: 'a retried flush inserts nothing and counts nothing a second time',
    async run(store) {
      const team = await store.teams.create({});
      const { record } = await store.keys.create({ teamId: team.id });
      const batch = [0.1, 0.2, 0.3].map((cost) => sampleSpendLog({ keyHash: record.keyHash, teamId: team.id, cost }));
      expect(await store.spend.record(batch)).toEqual({ inserted: 3, duplicates: 0 });
      const afterFirst = { key: await store.keys.require(record.id), rollup: await keyRollup(store, record.keyHash) };
      expect(afterFirst.key.spend).toBe(0.6);
      expect(afterFirst.rollup).toMatchObject({ requests: 3, cost: 0.6, promptTokens: 300, completionTokens: 150 });
      expect(await store.spend.record(batch)).toEqual({ inserted: 0, duplicates: 3 });
      const extra = sampleSpendLog({ keyHash: record.keyHash, teamId: team.id, cost: 0.4 });
      expect(await store.spend.record([...batch, extra])).toEqual({ inserted: 1, duplicates: 3 });
      expect((await store.keys.require(record.id)).spend).toBe(1);
      expect((await store.teams.require(team.id)).spend).toBe(1);
      expect(await keyRollup(store, record.keyHash)).toMatchObject({ requests: 4, cost: 1 });
    },
  },
  {
    name: 'counts a request id repeated inside one batch once',
    async run(store) {
      const { record } = await store.keys.create({});
      const log = sampleSpendLog({ keyHash: record.keyHash, cost: 0.25 });
      expect(await store.spend.record([log, { ...log, cost: 99 }])).toEqual({ inserted: 1, duplicates: 1 });
      expect((await store.keys.require(record.id)).spend).toBe(0.25);
    },
  },
  {
    name: 'adds cost to the key, team, user, organisation, end user and membership counters exactly',
    async run(store) {
      const organisation = await store.organisations.create({});
      const team = await store.teams.create({ organisationId: organisation.id });
      const user = await store.users.create({});
      await store.memberships.add({ teamId: team.id, userId: user.id });
      const endUser = await store.endUsers.create({ id: uniqueId('customer') });
      const { record } = await store.keys.create({ teamId: team.id, userId: user.id });
      const owners = { keyHash: record.keyHash, teamId: team.id, userId: user.id, organisationId: organisation.id, endUserId: endUser.id };
      const logs = Array.from({ length: 10 }, () => sampleSpendLog({ ...owners, cost: 0.1 }));
      logs.push(sampleSpendLog({ ...owners, cost: 0, status: 'failure', errorClass: 'rate_limit' }));
      await store.spend.record(logs);
      expect((await store.keys.require(record.id)).spend).toBe(1);
      expect((await store.teams.require(team.id)).spend).toBe(1);
      expect((await store.users.require(user.id)).spend).toBe(1);
      expect((await store.organisations.require(organisation.id)).spend).toBe(1);
      expect((await store.endUsers.require(endUser.id)).spend).toBe(1);
      expect((await store.memberships.get(team.id, user.id))?.spend).toBe(1);
      expect(await keyRollup(store, record.keyHash)).toMatchObject({ requests: 11, successfulRequests: 10, failedRequests: 1 });
    },
  },
  {
    name: 'keeps the roll-ups equal to the sum of the logs, to the last decimal',
    async run(store) {
      const { record } = await store.keys.create({});
      const costs = [0.0000012345, 0.1, 0.2, 1 / 3, 12.3456789012, 0.0000000001];
      await store.spend.record(costs.map((cost) => sampleSpendLog({ keyHash: record.keyHash, cost })));
      const [rollup] = await store.db
        .select({ cost: sql<string>`sum(${dailySpend.cost})::text` })
        .from(dailySpend)
        .where(and(eq(dailySpend.scope, 'key'), eq(dailySpend.scopeId, record.keyHash)));
      expect(rollup?.cost).toBe(await loggedCost(store, record.keyHash));
      expect(Number(rollup?.cost)).toBeGreaterThan(12.97);
      expect((await store.keys.require(record.id)).spend).toBe(Number(await loggedCost(store, record.keyHash)));
    },
  },
  {
    name: 'concurrent flushes of overlapping batches count every request exactly once, without deadlocks',
    async run(store) {
      const keys = await Promise.all([store.keys.create({}), store.keys.create({}), store.keys.create({})]);
      const hashes = keys.map(({ record }) => record.keyHash);
      const logs = Array.from({ length: 60 }, (_, n) => sampleSpendLog({ keyHash: hashes[n % 3] ?? null, cost: 0.01 }));
      const batches = [logs.slice(0, 40), logs.slice(20, 60), [...logs].reverse(), logs.slice(10, 50).reverse()];
      const results = await Promise.all(batches.map((batch) => store.spend.record(batch)));
      expect(results.reduce((total, result) => total + result.inserted, 0)).toBe(60);
      for (const { record } of keys) {
        expect((await store.keys.require(record.id)).spend).toBe(0.2);
        expect(await keyRollup(store, record.keyHash)).toMatchObject({ requests: 20, cost: 0.2 });
      }
    },
  },
  {
    name: 'writes batches larger than one statement holds',
    async run(store) {
      const { record } = await store.keys.create({});
      const logs = Array.from({ length: 2500 }, () => sampleSpendLog({ keyHash: record.keyHash, cost: 0.001 }));
      expect(await store.spend.record(logs)).toEqual({ inserted: 2500, duplicates: 0 });
      expect(await keyRollup(store, record.keyHash)).toMatchObject({ requests: 2500, cost: 2.5 });
      expect((await store.keys.require(record.id)).spend).toBe(2.5);
    },
  },
  {
    name: 'stores every field of a spend log as given',
    async run(store) {
      const log = sampleSpendLog({
        keyHash: uniqueId('hash'),
        endUserId: uniqueId('customer'),
        deploymentId: 'azure-eu-1',
        route: '/v1/chat/completions',
        cachedTokens: 40,
        reasoningTokens: 12,
        cacheHit: true,
        tags: ['prod', 'batch'],
        metadata: { trace: 'abc' },
        status: 'failure',
        errorClass: 'upstream_unavailable',
        timeToFirstTokenMs: null,
      });
      await store.spend.record([log]);
      const { items } = await store.spend.logs({ keyHash: log.keyHash ?? '' });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ ...log, cost: 0.01 });
    },
  },
];
