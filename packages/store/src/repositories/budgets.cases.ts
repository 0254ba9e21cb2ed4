import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { virtualKeys } from '../schema/index.js';
import { createStore } from '../store.js';
import type { StoreCase } from '../testing/index.js';

const past = new Date('2020-01-01T00:00:00.000Z');

export const budgetCases: StoreCase[] = [
  {
    name: 'resets the spend of every entity whose period ended, to the next calendar boundary',
    async run(store) {
      const now = new Date();
      const { record: due } = await store.keys.create({ spend: 5, maxBudget: 10, budgetDuration: '1d', budgetResetAt: past });
      const { record: later } = await store.keys.create({ spend: 5, maxBudget: 10, budgetDuration: '1d' });
      const team = await store.teams.create({ spend: 7, budgetDuration: '1mo', budgetResetAt: past });
      const user = await store.users.create({ spend: 2, budgetDuration: '7d', budgetResetAt: past });
      const endUser = await store.endUsers.create({ id: `customer-${due.id}`, spend: 1, budgetDuration: '1h', budgetResetAt: past });
      const organisation = await store.organisations.create({ spend: 9, budgetDuration: '30d', budgetResetAt: past });
      const result = await store.budgets.resetDue(now);
      for (const kind of ['keys', 'teams', 'users', 'endUsers', 'organisations']) {
        expect(result.reset[kind]).toBeGreaterThanOrEqual(1);
      }
      const reread = await store.keys.require(due.id);
      expect(reread.spend).toBe(0);
      const nextMidnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
      expect(reread.budgetResetAt).toEqual(nextMidnight);
      expect(await store.keys.require(later.id)).toMatchObject({ spend: 5, budgetResetAt: later.budgetResetAt });
      expect(await store.teams.require(team.id)).toMatchObject({ spend: 0 });
      expect((await store.teams.require(team.id)).budgetResetAt?.getUTCDate()).toBe(1);
      expect((await store.users.require(user.id)).budgetResetAt?.getUTCDay()).toBe(1);
      expect(await store.endUsers.require(endUser.id)).toMatchObject({ spend: 0 });
      expect(await store.organisations.require(organisation.id)).toMatchObject({ spend: 0 });
    },
  },
  {
    name: 'is idempotent: a second run at the same time resets nothing again',
    async run(store) {
      const now = new Date();
      const { record } = await store.keys.create({ spend: 3, budgetDuration: '15m', budgetResetAt: past });
      await store.budgets.resetDue(now);
      const first = await store.keys.require(record.id);
      await store.keys.update(record.id, { spend: 1 });
      await store.budgets.resetDue(now);
      expect(await store.keys.require(record.id)).toMatchObject({ spend: 1, budgetResetAt: first.budgetResetAt });
    },
  },
  {
    name: 'leaves rows with a stored duration it cannot parse alone, and reports it',
    async run(store) {
      const { record } = await store.keys.create({ spend: 4, budgetDuration: '1d', budgetResetAt: past });
      await store.db.update(virtualKeys).set({ budgetDuration: 'fortnightly' }).where(eq(virtualKeys.id, record.id));
      const result = await store.budgets.resetDue(new Date());
      expect(result.invalidDurations).toContain('fortnightly');
      expect(await store.keys.require(record.id)).toMatchObject({ spend: 4, budgetResetAt: past });
      await store.keys.delete(record.id);
    },
  },
  {
    name: 'aligns periods to the configured time zone and takes the time from the store’s clock',
    async run(store) {
      const clock = { now: () => new Date('2026-03-10T12:00:00.000Z'), timeZone: 'Asia/Kolkata' };
      const zoned = createStore({ db: store.db, backend: store.backend, close: async () => {} }, clock, undefined);
      const team = await zoned.teams.create({ budgetDuration: '1d' });
      expect(team.budgetResetAt).toEqual(new Date('2026-03-10T18:30:00.000Z'));
      const { record } = await zoned.keys.create({ budgetDuration: '1mo' });
      expect(record.budgetResetAt).toEqual(new Date('2026-03-31T18:30:00.000Z'));
    },
  },
];
