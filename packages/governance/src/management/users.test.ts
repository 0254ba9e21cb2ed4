import { testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { newTeam } from './teams.js';
import { deleteUsers, listUsers, newUser, updateUser, userInfo } from './users.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('user management on $name', (backend) => {
  const suite = useManagementSuite(backend);

  it('creates a user with a key (LiteLLM’s default), reads, updates, lists and deletes them', async (context) => {
    if (!suite.store) return context.skip();
    const team = await newTeam(suite.fx.master, {}, suite.fx.deps);
    const userId = uniqueId('ada');
    const email = `${userId}@example.com`;
    const created = await newUser(
      suite.fx.master,
      { user_id: userId, user_email: email, user_role: 'internal_user', max_budget: 20, models: ['gpt-4o'], teams: [team.team_id], send_invite_email: true },
      suite.fx.deps,
    );
    expect(created).toMatchObject({ user_id: userId, user_email: email, user_role: 'internal_user', max_budget: 20, teams: [team.team_id] });
    if (!('key' in created)) throw new Error('expected a key');
    const principal = await suite.fx.as(created.key);
    expect(principal.kind === 'key' && principal.context.user?.id).toBe(userId);

    const info = await userInfo(suite.fx.master, { user_id: userId }, suite.fx.deps);
    expect(info).toMatchObject({ user_id: userId, user_info: { user_email: email }, teams: [{ team_id: team.team_id }] });
    expect(info.keys.map((key) => key.token)).toEqual([created.token]);
    expect(JSON.stringify(info)).not.toContain(created.key);
    expect(await userInfo(principal, {}, suite.fx.deps)).toMatchObject({ user_id: userId });

    expect(await updateUser(suite.fx.master, { user_id: userId, user_role: 'proxy_admin', max_budget: null }, suite.fx.deps)).toMatchObject({
      user_role: 'proxy_admin',
      max_budget: null,
    });
    const withoutKey = await newUser(suite.fx.master, { auto_create_key: false, user_role: 'proxy_admin' }, suite.fx.deps);
    expect('key' in withoutKey).toBe(false);
    const page = await listUsers(suite.fx.master, { role: 'proxy_admin', page_size: '100' }, suite.fx.deps);
    expect(page.users.map((user) => user.user_id)).toEqual(expect.arrayContaining([userId, withoutKey.user_id]));
    expect(page).toMatchObject({ page: 1, page_size: 100, total: page.users.length, total_pages: 1 });

    expect(await deleteUsers(suite.fx.master, { user_ids: [userId] }, suite.fx.deps)).toEqual({ deleted_users: [userId] });
    await expect(suite.fx.as(created.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(userInfo(suite.fx.master, { user_id: userId }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'user_id' });
  });

  it('lets a key read its own user only, and refuses writes', async (context) => {
    if (!suite.store) return context.skip();
    const mine = await newUser(suite.fx.master, {}, suite.fx.deps);
    const other = await newUser(suite.fx.master, {}, suite.fx.deps);
    if (!('key' in mine)) throw new Error('expected a key');
    const me = await suite.fx.as(mine.key);
    await expect(userInfo(me, { user_id: other.user_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(listUsers(me, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(updateUser(me, { user_id: mine.user_id, user_role: 'proxy_admin' }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(newUser(me, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses bad user input with a 400 or 404 naming the field', async (context) => {
    if (!suite.store) return context.skip();
    await expect(newUser(suite.fx.master, { user_role: 'customer' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_role' });
    await expect(newUser(suite.fx.master, { user_email: 'not-an-email' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_email' });
    await expect(newUser(suite.fx.master, { teams: [uniqueId('nope')] }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'teams.0' });
    await expect(listUsers(suite.fx.master, { page_size: '0' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'page_size' });
    const email = `${uniqueId('twice')}@example.com`;
    await newUser(suite.fx.master, { user_email: email, auto_create_key: false }, suite.fx.deps);
    await expect(newUser(suite.fx.master, { user_email: email }, suite.fx.deps)).rejects.toMatchObject({ status: 409 });
  });
});
