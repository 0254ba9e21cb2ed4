import type { Store } from '@switchyard/store';
import { testBackends, TEST_MASTER_SECRET, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementFixture, type ManagementFixture } from '../testing/management-fixture.js';
import { newTeam } from './teams.js';
import { deleteUsers, listUsers, newUser, updateUser, userInfo } from './users.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('user management on $name', (backend) => {
  let store: Store | undefined;
  let fx: ManagementFixture;
  beforeAll(async () => {
    if (backend.skipReason !== undefined) return;
    store = await backend.open({ masterSecret: TEST_MASTER_SECRET });
    fx = managementFixture(store);
  });
  afterAll(() => store?.close());

  it('creates a user with a key (LiteLLM’s default), reads, updates, lists and deletes them', async (context) => {
    if (!store) return context.skip();
    const team = await newTeam(fx.master, {}, fx.deps);
    const userId = uniqueId('ada');
    const email = `${userId}@example.com`;
    const created = await newUser(
      fx.master,
      { user_id: userId, user_email: email, user_role: 'internal_user', max_budget: 20, models: ['gpt-4o'], teams: [team.team_id], send_invite_email: true },
      fx.deps,
    );
    expect(created).toMatchObject({ user_id: userId, user_email: email, user_role: 'internal_user', max_budget: 20, teams: [team.team_id] });
    if (!('key' in created)) throw new Error('expected a key');
    const principal = await fx.as(created.key);
    expect(principal.kind === 'key' && principal.context.user?.id).toBe(userId);

    const info = await userInfo(fx.master, { user_id: userId }, fx.deps);
    expect(info).toMatchObject({ user_id: userId, user_info: { user_email: email }, teams: [{ team_id: team.team_id }] });
    expect(info.keys.map((key) => key.token)).toEqual([created.token]);
    expect(JSON.stringify(info)).not.toContain(created.key);
    expect(await userInfo(principal, {}, fx.deps)).toMatchObject({ user_id: userId });

    expect(await updateUser(fx.master, { user_id: userId, user_role: 'proxy_admin', max_budget: null }, fx.deps)).toMatchObject({
      user_role: 'proxy_admin',
      max_budget: null,
    });
    const withoutKey = await newUser(fx.master, { auto_create_key: false, user_role: 'proxy_admin' }, fx.deps);
    expect('key' in withoutKey).toBe(false);
    const page = await listUsers(fx.master, { role: 'proxy_admin', page_size: '100' }, fx.deps);
    expect(page.users.map((user) => user.user_id)).toEqual(expect.arrayContaining([userId, withoutKey.user_id]));
    expect(page).toMatchObject({ page: 1, page_size: 100, total: page.users.length, total_pages: 1 });

    expect(await deleteUsers(fx.master, { user_ids: [userId] }, fx.deps)).toEqual({ deleted_users: [userId] });
    await expect(fx.as(created.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(userInfo(fx.master, { user_id: userId }, fx.deps)).rejects.toMatchObject({ status: 404, param: 'user_id' });
  });

  it('lets a key read its own user only, and refuses writes', async (context) => {
    if (!store) return context.skip();
    const mine = await newUser(fx.master, {}, fx.deps);
    const other = await newUser(fx.master, {}, fx.deps);
    if (!('key' in mine)) throw new Error('expected a key');
    const me = await fx.as(mine.key);
    await expect(userInfo(me, { user_id: other.user_id }, fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(listUsers(me, {}, fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(updateUser(me, { user_id: mine.user_id, user_role: 'proxy_admin' }, fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(newUser(me, {}, fx.deps)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses bad user input with a 400 or 404 naming the field', async (context) => {
    if (!store) return context.skip();
    await expect(newUser(fx.master, { user_role: 'customer' }, fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_role' });
    await expect(newUser(fx.master, { user_email: 'not-an-email' }, fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_email' });
    await expect(newUser(fx.master, { teams: [uniqueId('nope')] }, fx.deps)).rejects.toMatchObject({ status: 404, param: 'teams.0' });
    await expect(listUsers(fx.master, { page_size: '0' }, fx.deps)).rejects.toMatchObject({ status: 400, param: 'page_size' });
    const email = `${uniqueId('twice')}@example.com`;
    await newUser(fx.master, { user_email: email, auto_create_key: false }, fx.deps);
    await expect(newUser(fx.master, { user_email: email }, fx.deps)).rejects.toMatchObject({ status: 409 });
  });
});
