import { expect } from 'vitest';
import type { StoreCase } from '../testing/index.js';
import { uniqueId } from '../testing/index.js';

const actor = { actor: 'admin-1' };

export const identityCases: StoreCase[] = [
  {
    name: 'creates, reads, updates and deletes an organisation, each change audited with before and after',
    async run(store) {
      const id = uniqueId('org');
      const created = await store.organisations.create({ id, alias: 'Acme', maxBudget: 100, models: ['gpt-4o'] }, actor);
      expect(created).toMatchObject({ id, alias: 'Acme', maxBudget: 100, spend: 0, models: ['gpt-4o'], blocked: false });
      const updated = await store.organisations.update(id, { alias: 'Acme Corp', maxBudget: null }, actor);
      expect(updated).toMatchObject({ alias: 'Acme Corp', maxBudget: null, models: ['gpt-4o'] });
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      await store.organisations.delete(id, actor);
      expect(await store.organisations.get(id)).toBeUndefined();
      const { items } = await store.audit.list({ entityType: 'organisation', entityId: id });
      expect(items.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect(items.every((entry) => entry.actor === 'admin-1')).toBe(true);
      expect(items[1]?.before).toMatchObject({ alias: 'Acme', maxBudget: 100 });
      expect(items[1]?.after).toMatchObject({ alias: 'Acme Corp', maxBudget: null });
      expect(items[2]).toMatchObject({ before: null });
      expect(items[0]).toMatchObject({ after: null });
    },
  },
  {
    name: 'derives a calendar-aligned budget reset from the duration, and moves it when the duration changes',
    async run(store) {
      const team = await store.teams.create({ alias: 'budgeted', maxBudget: 50, budgetDuration: '1mo' });
      const reset = team.budgetResetAt;
      expect(reset).not.toBeNull();
      expect(reset?.getUTCDate()).toBe(1);
      expect([reset?.getUTCHours(), reset?.getUTCMinutes(), reset?.getUTCSeconds()]).toEqual([0, 0, 0]);
      const daily = await store.teams.update(team.id, { budgetDuration: '1d' });
      expect(daily.budgetResetAt?.getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);
      const unchanged = await store.teams.update(team.id, { alias: 'renamed' });
      expect(unchanged.budgetResetAt).toEqual(daily.budgetResetAt);
      const cleared = await store.teams.update(team.id, { budgetDuration: null });
      expect(cleared.budgetResetAt).toBeNull();
      await expect(store.teams.update(team.id, { budgetDuration: 'monthly' })).rejects.toMatchObject({ kind: 'invalid' });
    },
  },
  {
    name: 'keeps teams and users of an organisation, and refuses to delete an organisation still in use',
    async run(store) {
      const organisation = await store.organisations.create({ alias: 'with members' });
      const teamA = await store.teams.create({ id: uniqueId('team-a'), organisationId: organisation.id });
      const teamB = await store.teams.create({ id: uniqueId('team-b'), organisationId: organisation.id });
      await store.teams.create({ alias: 'elsewhere' });
      const page = await store.teams.list({ organisationId: organisation.id });
      expect(page.items.map((team) => team.id).sort()).toEqual([teamA.id, teamB.id].sort());
      await expect(store.organisations.delete(organisation.id)).rejects.toMatchObject({ kind: 'conflict' });
      await expect(store.teams.create({ organisationId: uniqueId('missing') })).rejects.toMatchObject({ kind: 'conflict' });
    },
  },
  {
    name: 'pages through a list with a cursor, without gaps or repeats',
    async run(store) {
      const organisation = await store.organisations.create({});
      const ids = [];
      for (let n = 0; n < 7; n += 1) ids.push((await store.users.create({ organisationId: organisation.id })).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await store.users.list({ organisationId: organisation.id, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((user) => user.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(ids.length);
      expect([...seen].sort()).toEqual(ids.sort());
    },
  },
  {
    name: 'pages by number with an offset and counts what a filter matches',
    async run(store) {
      const organisation = await store.organisations.create({});
      const ids = [];
      for (let n = 0; n < 5; n += 1) ids.push((await store.users.create({ organisationId: organisation.id })).id);
      ids.sort();
      expect(await store.users.count({ organisationId: organisation.id })).toBe(5);
      const second = await store.users.list({ organisationId: organisation.id, limit: 2, offset: 2 });
      expect(second.items.map((user) => user.id)).toEqual(ids.slice(2, 4));
      const last = await store.users.list({ organisationId: organisation.id, limit: 2, offset: 4 });
      expect(last.items.map((user) => user.id)).toEqual(ids.slice(4));
      expect(last.nextCursor).toBeNull();
      const team = await store.teams.create({ organisationId: organisation.id });
      await store.keys.create({ teamId: team.id });
      expect(await store.keys.count({ teamId: team.id })).toBe(1);
      expect(await store.teams.count({ organisationId: organisation.id })).toBe(1);
    },
  },
  {
    name: 'finds users by email, refuses a taken email, and filters by role',
    async run(store) {
      const email = `${uniqueId('person')}@example.com`;
      const user = await store.users.create({ email, role: 'proxy_admin', alias: 'Ada' });
      expect(await store.users.findByEmail(email)).toMatchObject({ id: user.id, role: 'proxy_admin' });
      expect(await store.users.findByEmail(`nobody-${email}`)).toBeUndefined();
      await expect(store.users.create({ email })).rejects.toMatchObject({ kind: 'conflict' });
      const admins = await store.users.list({ role: 'proxy_admin', limit: 1000 });
      expect(admins.items.some((row) => row.id === user.id)).toBe(true);
      expect(admins.items.every((row) => row.role === 'proxy_admin')).toBe(true);
    },
  },
  {
    name: 'adds, updates and removes team memberships with a role, listed by team and by user',
    async run(store) {
      const team = await store.teams.create({});
      const other = await store.teams.create({});
      const user = await store.users.create({});
      await store.memberships.add({ teamId: team.id, userId: user.id, role: 'admin', maxBudget: 5 }, actor);
      await store.memberships.add({ teamId: other.id, userId: user.id });
      await expect(store.memberships.add({ teamId: team.id, userId: user.id })).rejects.toMatchObject({ kind: 'conflict' });
      await expect(store.memberships.add({ teamId: team.id, userId: uniqueId('ghost') })).rejects.toMatchObject({ kind: 'conflict' });
      expect(await store.memberships.list({ teamId: team.id })).toMatchObject([{ userId: user.id, role: 'admin', maxBudget: 5 }]);
      expect((await store.memberships.list({ userId: user.id })).map((row) => row.teamId).sort()).toEqual([team.id, other.id].sort());
      expect(await store.memberships.update(team.id, user.id, { role: 'member' })).toMatchObject({ role: 'member' });
      await store.memberships.remove(team.id, user.id, actor);
      expect(await store.memberships.get(team.id, user.id)).toBeUndefined();
      await expect(store.memberships.remove(team.id, user.id)).rejects.toMatchObject({ kind: 'not_found' });
      const audit = await store.audit.list({ entityType: 'team_membership', entityId: `${team.id}/${user.id}` });
      expect(audit.items.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      await store.teams.delete(other.id);
      expect(await store.memberships.list({ userId: user.id })).toEqual([]);
    },
  },
  {
    name: 'stores end users under the caller’s id with their own limits',
    async run(store) {
      const id = uniqueId('customer');
      await store.endUsers.create({ id, maxBudget: 2, rpmLimit: 10, allowedModelRegion: 'eu', budgetDuration: '1d' });
      expect(await store.endUsers.get(id)).toMatchObject({ id, maxBudget: 2, rpmLimit: 10, allowedModelRegion: 'eu' });
      await expect(store.endUsers.create({ id })).rejects.toMatchObject({ kind: 'conflict' });
      expect(await store.endUsers.update(id, { blocked: true })).toMatchObject({ blocked: true });
      await expect(store.endUsers.update(uniqueId('missing'), { blocked: true })).rejects.toMatchObject({ kind: 'not_found' });
      await store.endUsers.delete(id);
      await expect(store.endUsers.require(id)).rejects.toMatchObject({ kind: 'not_found' });
    },
  },
];
