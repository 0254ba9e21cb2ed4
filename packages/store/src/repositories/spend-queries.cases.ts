import { expect } from 'vitest';
import type { Store } from '../store.js';
import type { StoreCase } from '../testing/index.js';
import { sampleSpendLog, uniqueId } from '../testing/index.js';

const day = (text: string, hour = 12) => new Date(`${text}T${String(hour).padStart(2, '0')}:00:00.000Z`);

async function allPages(store: Store, query: Parameters<Store['spend']['logs']>[0] & object) {
  const seen = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await store.spend.logs({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

export const spendQueryCases: StoreCase[] = [
  {
    name: 'filters spend logs by key, team, user, end user, model, status, tag and time range',
    async run(store) {
      const keyHash = uniqueId('hash');
      const teamId = uniqueId('team');
      const base = { keyHash, teamId, startedAt: day('2030-05-01') };
      const logs = [
        sampleSpendLog({ ...base, userId: 'u1', modelGroup: 'gpt-4o', tags: ['a'] }),
        sampleSpendLog({ ...base, userId: 'u2', modelGroup: 'claude', status: 'failure', endUserId: 'c1', startedAt: day('2030-05-01', 13) }),
        sampleSpendLog({ ...base, userId: 'u1', modelGroup: 'claude', startedAt: day('2030-05-02'), tags: ['a', 'b'] }),
        sampleSpendLog({ ...base, keyHash: uniqueId('hash'), modelGroup: 'gpt-4o', startedAt: day('2030-05-03') }),
      ];
      await store.spend.record(logs);
      const ids = async (query: Parameters<Store['spend']['logs']>[0]) =>
        (await store.spend.logs(query)).items.map((log) => logs.findIndex((candidate) => candidate.requestId === log.requestId));
      expect(await ids({ keyHash })).toEqual([2, 1, 0]);
      expect(await ids({ teamId })).toEqual([3, 2, 1, 0]);
      expect(await ids({ teamId, userId: 'u1' })).toEqual([2, 0]);
      expect(await ids({ teamId, modelGroup: 'claude' })).toEqual([2, 1]);
      expect(await ids({ teamId, status: 'failure' })).toEqual([1]);
      expect(await ids({ requestId: logs[1]!.requestId })).toEqual([1]);
      expect(await ids({ teamId, limit: 2, offset: 1 })).toEqual([2, 1]);
      expect(await ids({ teamId, endUserId: 'c1' })).toEqual([1]);
      expect(await ids({ teamId, tag: 'a' })).toEqual([2, 0]);
      expect(await ids({ teamId, from: day('2030-05-02', 0), to: day('2030-05-03', 0) })).toEqual([2]);
    },
  },
  {
    name: 'pages newest first with a cursor, through ties on the same millisecond, each log once',
    async run(store) {
      const keyHash = uniqueId('hash');
      const startedAt = day('2030-06-01');
      const logs = Array.from({ length: 25 }, (_, n) =>
        sampleSpendLog({ keyHash, startedAt: n % 5 === 0 ? startedAt : new Date(startedAt.getTime() + n * 1000) }),
      );
      await store.spend.record(logs);
      const seen = await allPages(store, { keyHash, limit: 4 });
      expect(seen).toHaveLength(25);
      expect(new Set(seen.map((log) => log.requestId)).size).toBe(25);
      for (let n = 1; n < seen.length; n += 1) {
        const [previous, current] = [seen[n - 1], seen[n]];
        if (previous === undefined || current === undefined) throw new Error('missing row');
        expect(previous.startedAt.getTime()).toBeGreaterThanOrEqual(current.startedAt.getTime());
      }
      await expect(store.spend.logs({ keyHash, cursor: 'not-a-cursor' })).rejects.toMatchObject({ kind: 'invalid' });
    },
  },
  {
    name: 'reports spend by day, model, key and team over a range from the roll-ups',
    async run(store) {
      const [teamA, teamB] = [uniqueId('team'), uniqueId('team')];
      const [keyA, keyB] = [uniqueId('hash'), uniqueId('hash')];
      await store.spend.record([
        sampleSpendLog({ keyHash: keyA, teamId: teamA, startedAt: day('2301-01-01'), cost: 1, modelGroup: 'gpt-4o' }),
        sampleSpendLog({ keyHash: keyA, teamId: teamA, startedAt: day('2301-01-01'), cost: 2, modelGroup: 'claude', provider: 'anthropic' }),
        sampleSpendLog({ keyHash: keyB, teamId: teamB, startedAt: day('2301-01-02'), cost: 4, modelGroup: 'gpt-4o' }),
        sampleSpendLog({ keyHash: keyB, teamId: teamB, startedAt: day('2301-01-05'), cost: 8, modelGroup: 'gpt-4o' }),
      ]);
      const range = { from: '2301-01-01', to: '2301-01-02' };
      const byDay = await store.spend.report({ ...range, groupBy: ['day'] });
      expect(byDay).toMatchObject([
        { day: '2301-01-01', cost: 3, requests: 2 },
        { day: '2301-01-02', cost: 4, requests: 1 },
      ]);
      expect(await store.spend.report({ ...range, groupBy: ['modelGroup'] })).toMatchObject([
        { modelGroup: 'claude', cost: 2 },
        { modelGroup: 'gpt-4o', cost: 5 },
      ]);
      const byKey = await store.spend.report({ ...range, scope: 'key', groupBy: ['scopeId'] });
      expect(byKey.filter((row) => row.scopeId === keyA || row.scopeId === keyB).map((row) => [row.scopeId, row.cost]).sort()).toEqual(
        [[keyA, 3], [keyB, 4]].sort(),
      );
      expect(await store.spend.report({ from: '2301-01-01', to: '2301-01-31', scope: 'team', scopeId: teamB, groupBy: ['day', 'provider'] })).toMatchObject([
        { day: '2301-01-02', provider: 'openai', cost: 4 },
        { day: '2301-01-05', provider: 'openai', cost: 8 },
      ]);
      expect(await store.spend.report({ from: '2301-02-01', to: '2301-02-28', groupBy: ['day'] })).toEqual([]);
      await expect(store.spend.report({ from: '2301-01-05', to: '2301-01-01', groupBy: [] })).rejects.toMatchObject({ kind: 'invalid' });
      await expect(store.spend.report({ from: 'yesterday', to: '2301-01-01', groupBy: [] })).rejects.toMatchObject({ kind: 'invalid' });
    },
  },
  {
    name: 'ranks the top spenders of a scope over a range',
    async run(store) {
      const teams = [uniqueId('team'), uniqueId('team'), uniqueId('team')];
      await store.spend.record([
        sampleSpendLog({ teamId: teams[0] ?? null, startedAt: day('2302-03-01'), cost: 5 }),
        sampleSpendLog({ teamId: teams[1] ?? null, startedAt: day('2302-03-02'), cost: 7 }),
        sampleSpendLog({ teamId: teams[2] ?? null, startedAt: day('2302-03-02'), cost: 1 }),
        sampleSpendLog({ teamId: teams[0] ?? null, startedAt: day('2302-03-03'), cost: 5 }),
        sampleSpendLog({ teamId: teams[2] ?? null, startedAt: day('2302-04-01'), cost: 100 }),
      ]);
      const top = await store.spend.topSpenders({ scope: 'team', from: '2302-03-01', to: '2302-03-31', limit: 2 });
      expect(top).toMatchObject([
        { scopeId: teams[0], cost: 10, requests: 2 },
        { scopeId: teams[1], cost: 7, requests: 1 },
      ]);
    },
  },
  {
    name: 'compares a key’s spend with its budget, and keeps lifetime spend across resets',
    async run(store) {
      const { record } = await store.keys.create({ maxBudget: 1, softBudget: 0.5, budgetDuration: '1d' });
      await store.spend.record([sampleSpendLog({ keyHash: record.keyHash, cost: 0.75 })]);
      expect(await store.spend.keyBudget(record.id)).toMatchObject({
        keyId: record.id,
        spend: 0.75,
        lifetimeSpend: 0.75,
        maxBudget: 1,
        remaining: 0.25,
        exceeded: false,
        softExceeded: true,
        budgetDuration: '1d',
      });
      await store.spend.record([sampleSpendLog({ keyHash: record.keyHash, cost: 0.5 })]);
      expect(await store.spend.keyBudget(record.id)).toMatchObject({ spend: 1.25, remaining: 0, exceeded: true });
      await store.keys.update(record.id, { budgetResetAt: new Date('2020-01-01T00:00:00.000Z') });
      await store.budgets.resetDue(new Date());
      expect(await store.spend.keyBudget(record.id)).toMatchObject({ spend: 0, lifetimeSpend: 1.25, exceeded: false });
      const { record: unlimited } = await store.keys.create({});
      expect(await store.spend.keyBudget(unlimited.id)).toMatchObject({ remaining: null, exceeded: false, lifetimeSpend: 0 });
      await expect(store.spend.keyBudget(uniqueId('missing'))).rejects.toMatchObject({ kind: 'not_found' });
    },
  },
  {
    name: 'deletes old logs in batches and keeps the roll-ups (the suite’s only logs before 2000)',
    async run(store) {
      const keyHash = uniqueId('hash');
      const logs = Array.from({ length: 7 }, (_, n) => sampleSpendLog({ keyHash, startedAt: day(`1990-01-0${n + 1}`) }));
      await store.spend.record(logs);
      expect(await store.spend.deleteLogsBefore(day('1990-01-05', 0), 2)).toBe(4);
      expect((await allPages(store, { keyHash })).map((log) => log.startedAt.toISOString().slice(0, 10))).toEqual([
        '1990-01-07',
        '1990-01-06',
        '1990-01-05',
      ]);
      const [total] = await store.spend.report({ scope: 'key', scopeId: keyHash, from: '1990-01-01', to: '1990-01-31', groupBy: [] });
      expect(total).toMatchObject({ requests: 7 });
    },
  },
];
