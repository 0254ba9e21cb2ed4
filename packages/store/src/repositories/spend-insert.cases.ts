import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { spendLogs } from '../schema/index.js';
import type { Store } from '../store.js';
import { sampleSpendLog, uniqueId, type StoreCase } from '../testing/index.js';
import type { SpendLogInput } from './spend-insert.js';

async function storedRow(store: Store, requestId: string) {
  const [row] = await store.db.select().from(spendLogs).where(eq(spendLogs.requestId, requestId));
  if (row === undefined) throw new Error(`no spend log ${requestId}`);
  const { requestId: _id, createdAt: _created, ...rest } = row;
  return rest;
}

/** The same log written by spend.record and by drizzle's own insert must read back the same. */
async function expectSameAsDrizzle(store: Store, log: Omit<SpendLogInput, 'requestId'>) {
  const viaRecord = uniqueId('request');
  const viaDrizzle = uniqueId('request');
  expect(await store.spend.record([{ ...log, requestId: viaRecord }])).toEqual({ inserted: 1, duplicates: 0 });
  await store.db.insert(spendLogs).values({ ...log, requestId: viaDrizzle });
  expect(await storedRow(store, viaRecord)).toEqual(await storedRow(store, viaDrizzle));
}

export const spendInsertCases: StoreCase[] = [
  {
    name: 'writes every column as drizzle would: a full log',
    async run(store) {
      await expectSameAsDrizzle(store, {
        ...sampleSpendLog({ keyHash: uniqueId('hash'), userId: uniqueId('user'), teamId: uniqueId('team') }),
        organisationId: 'org-1',
        endUserId: 'end user "quoted" \\ back',
        deploymentId: 'dep-1',
        route: '/v1/chat/completions',
        cachedTokens: 7,
        reasoningTokens: 11,
        cost: 0.00000012345678915,
        errorClass: 'http_500',
        status: 'failure',
        cacheHit: true,
        tags: ['a,b', '{braces}', 'quote"d', 'NULL', '', 'ünïcødé ✓'],
        metadata: { client_request_id: 'x', nested: { list: [1, 'two', null], flag: false } },
      });
    },
  },
  {
    name: 'writes every column as drizzle would: the defaults of a minimal log',
    async run(store) {
      const startedAt = new Date('2026-11-27T10:00:00.123Z');
      await expectSameAsDrizzle(store, { modelGroup: 'm', latencyMs: 0, status: 'success', startedAt, endedAt: startedAt });
    },
  },
  {
    name: 'counts the cost as stored (rounded to 10 decimals) in the key counter',
    async run(store) {
      const { record } = await store.keys.create({});
      const logs = [1e-11, 4e-11, 0.12345678905, 2.5e-7].map((cost) => sampleSpendLog({ keyHash: record.keyHash, cost }));
      await store.spend.record(logs);
      const [row] = await store.db.select({ spend: spendLogs.cost }).from(spendLogs).where(eq(spendLogs.requestId, logs[2]?.requestId ?? ''));
      expect(row?.spend).toBe(0.1234567891);
      expect((await store.keys.require(record.id)).spend).toBe(0.1234570391);
    },
  },
  {
    name: 'stores a batch with NUL and unpaired surrogates in its text (as U+FFFD) instead of refusing it',
    async run(store) {
      const log = sampleSpendLog({ endUserId: 'a\u0000b', tags: ['\ud800x', 'ok'], metadata: { note: 'y\udc00' } });
      expect(await store.spend.record([log])).toEqual({ inserted: 1, duplicates: 0 });
      expect(await storedRow(store, log.requestId)).toMatchObject({ endUserId: 'a\ufffdb', tags: ['\ufffdx', 'ok'], metadata: { note: 'y\ufffd' } });
    },
  },
];
