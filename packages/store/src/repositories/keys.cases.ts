import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { hashVirtualKey } from '../crypto/virtual-key.js';
import { virtualKeys } from '../schema/index.js';
import type { StoreCase } from '../testing/index.js';
import { uniqueId } from '../testing/index.js';

export const keyCases: StoreCase[] = [
  {
    name: 'issues a key once and stores only its SHA-256 hash and a hint',
    async run(store) {
      const { key, record } = await store.keys.create({ keyAlias: 'ci', models: ['gpt-4o'], maxBudget: 10 }, { actor: 'admin' });
      expect(key).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
      expect(record).toMatchObject({ keyHash: hashVirtualKey(key), keyHint: `sk-…${key.slice(-4)}`, createdBy: 'admin' });
      const [raw] = await store.db.select().from(virtualKeys).where(eq(virtualKeys.id, record.id));
      expect(JSON.stringify(raw)).not.toContain(key.slice(3));
      const audit = await store.audit.list({ entityType: 'virtual_key', entityId: record.id });
      expect(JSON.stringify(audit.items)).not.toContain(record.keyHash);
      expect(audit.items[0]?.after).toMatchObject({ keyAlias: 'ci', keyHint: record.keyHint });
    },
  },
  {
    name: 'finds a key by hash or by the key itself, and nothing for an unknown key',
    async run(store) {
      const { key, record } = await store.keys.create({});
      expect((await store.keys.findByHash(record.keyHash))?.id).toBe(record.id);
      expect((await store.keys.findByKey(key))?.id).toBe(record.id);
      expect(await store.keys.findByKey(`${key}x`)).toBeUndefined();
    },
  },
  {
    name: 'imports an existing key by hashing it, and refuses the same key twice',
    async run(store) {
      const key = `sk-${uniqueId('imported')}`;
      const { record } = await store.keys.create({ key, keyAlias: 'from litellm' });
      expect(record.keyHash).toBe(hashVirtualKey(key));
      await expect(store.keys.create({ key })).rejects.toMatchObject({ kind: 'conflict' });
    },
  },
  {
    name: 'returns the key with its team, user, organisation and membership in one lookup',
    async run(store) {
      const organisation = await store.organisations.create({ maxBudget: 1000 });
      const team = await store.teams.create({ organisationId: organisation.id, maxBudget: 100, tpmLimit: 5000 });
      const user = await store.users.create({ maxBudget: 20 });
      await store.memberships.add({ teamId: team.id, userId: user.id, role: 'member', maxBudget: 3 });
      const { record } = await store.keys.create({
        teamId: team.id,
        userId: user.id,
        objectPermission: { mcpServers: ['github'], agents: ['planner'] },
        rpmLimit: 60,
        maxParallelRequests: 2,
        metadata: { owner: 'ci' },
      });
      const context = await store.keys.authContext(record.keyHash);
      expect(context?.key).toMatchObject({ id: record.id, rpmLimit: 60, maxParallelRequests: 2, metadata: { owner: 'ci' } });
      expect(context?.key.objectPermission).toEqual({ mcpServers: ['github'], agents: ['planner'] });
      expect(context?.team).toMatchObject({ id: team.id, maxBudget: 100, tpmLimit: 5000 });
      expect(context?.user).toMatchObject({ id: user.id, maxBudget: 20 });
      expect(context?.organisation).toMatchObject({ id: organisation.id, maxBudget: 1000 });
      expect(context?.membership).toMatchObject({ role: 'member', maxBudget: 3 });
      expect(await store.keys.authContext(hashVirtualKey('sk-unknown'))).toBeUndefined();
    },
  },
  {
    name: 'returns a bare key with no team, user or organisation as nulls',
    async run(store) {
      const { record } = await store.keys.create({});
      const context = await store.keys.authContext(record.keyHash);
      expect(context).toMatchObject({ team: null, user: null, organisation: null, membership: null });
    },
  },
  {
    name: 'regenerates a key: same record and spend, new hash, the old key stops resolving',
    async run(store) {
      const { key: first, record } = await store.keys.create({ spend: 1.5, keyAlias: 'rotating' });
      const { key: second, record: after } = await store.keys.regenerate(record.id, { actor: 'admin' });
      expect(second).not.toBe(first);
      expect(after).toMatchObject({ id: record.id, spend: 1.5, keyAlias: 'rotating', keyHash: hashVirtualKey(second) });
      expect(await store.keys.findByKey(first)).toBeUndefined();
      expect((await store.keys.findByKey(second))?.id).toBe(record.id);
      const audit = await store.audit.list({ entityType: 'virtual_key', entityId: record.id });
      expect(audit.items[0]).toMatchObject({ action: 'regenerate', actor: 'admin' });
    },
  },
  {
    name: 'blocks, unblocks and updates limits, expiry and budget duration',
    async run(store) {
      const { record } = await store.keys.create({});
      expect(await store.keys.block(record.id)).toMatchObject({ blocked: true });
      expect(await store.keys.unblock(record.id)).toMatchObject({ blocked: false });
      const expiresAt = new Date('2031-01-01T00:00:00.000Z');
      const updated = await store.keys.update(record.id, { expiresAt, tpmLimit: 1000, softBudget: 4, budgetDuration: '7d' });
      expect(updated).toMatchObject({ expiresAt, tpmLimit: 1000, softBudget: 4, budgetDuration: '7d' });
      expect(updated.budgetResetAt?.getUTCDay()).toBe(1);
      const actions = (await store.audit.list({ entityType: 'virtual_key', entityId: record.id })).items.map((e) => e.action);
      expect(actions).toEqual(['update', 'unblock', 'block', 'create']);
    },
  },
  {
    name: 'lists keys by team and user, and refuses to delete a team or user that still has keys',
    async run(store) {
      const team = await store.teams.create({});
      const user = await store.users.create({});
      const { record: teamKey } = await store.keys.create({ teamId: team.id });
      const { record: userKey } = await store.keys.create({ teamId: team.id, userId: user.id });
      await store.keys.create({});
      expect((await store.keys.list({ teamId: team.id })).items.map((key) => key.id).sort()).toEqual([teamKey.id, userKey.id].sort());
      expect((await store.keys.list({ userId: user.id })).items.map((key) => key.id)).toEqual([userKey.id]);
      await expect(store.teams.delete(team.id)).rejects.toMatchObject({ kind: 'conflict' });
      await expect(store.users.delete(user.id)).rejects.toMatchObject({ kind: 'conflict' });
      await store.keys.delete(teamKey.id);
      await store.keys.delete(userKey.id);
      await store.users.delete(user.id);
      await store.teams.delete(team.id);
      expect(await store.keys.get(teamKey.id)).toBeUndefined();
      await expect(store.keys.delete(teamKey.id)).rejects.toMatchObject({ kind: 'not_found' });
    },
  },
];
