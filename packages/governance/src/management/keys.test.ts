import { hashVirtualKey } from '@switchyard/store';
import { testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { blockKey, deleteKeys, generateKey, keyInfo, listKeys, regenerateKey, unblockKey, updateKey } from './keys.js';
import { addTeamMember, newTeam } from './teams.js';

const backends: TestBackend[] = await testBackends();
const NOW = new Date('2026-11-27T10:00:00.000Z');

describe.each(backends)('key management on $name', (backend) => {
  const suite = useManagementSuite(backend, { now: () => NOW });

  /** A team with an admin user and a member user, each holding a key of the team. */
  async function teamWithKeys() {
    const team = await newTeam(suite.fx.master, { team_alias: uniqueId('team') }, suite.fx.deps);
    const adminUser = uniqueId('admin');
    const memberUser = uniqueId('member');
    await addTeamMember(suite.fx.master, { team_id: team.team_id, member: [{ user_id: adminUser, role: 'admin' }, { user_id: memberUser, role: 'user' }] }, suite.fx.deps);
    const admin = await generateKey(suite.fx.master, { team_id: team.team_id, user_id: adminUser }, suite.fx.deps);
    const member = await generateKey(suite.fx.master, { team_id: team.team_id, user_id: memberUser }, suite.fx.deps);
    return { team, admin, member };
  }

  it('generates a key LiteLLM-style: the key once, its token, limits, expiry and a calendar-aligned budget reset', async (context) => {
    if (!suite.store) return context.skip();
    const body = {
      key_alias: uniqueId('alias'),
      models: ['gpt-4o', 'openai/*'],
      max_budget: 10,
      soft_budget: 8,
      budget_duration: '30d',
      rpm_limit: 60,
      tpm_limit: 1000,
      max_parallel_requests: 2,
      metadata: { owner: 'search' },
      duration: '30d',
      object_permission: { mcp_servers: ['github'], agents: [] },
      tags: ['ignored'],
      send_invite_email: false,
      aliases: {},
    };
    const generated = await generateKey(suite.fx.master, body, suite.fx.deps);
    expect(generated.key).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
    expect(generated).toMatchObject({
      token: hashVirtualKey(generated.key),
      key_alias: body.key_alias,
      models: ['gpt-4o', 'openai/*'],
      max_budget: 10,
      soft_budget: 8,
      budget_duration: '30d',
      budget_reset_at: '2026-12-01T00:00:00.000Z',
      expires: '2026-12-27T10:00:00.000Z',
      rpm_limit: 60,
      tpm_limit: 1000,
      max_parallel_requests: 2,
      metadata: { owner: 'search' },
      object_permission: { mcp_servers: ['github'], agents: [] },
      blocked: false,
      spend: 0,
      created_by: 'master_key',
    });
    const principal = await suite.fx.as(generated.key);
    expect(principal.kind === 'key' && principal.context.key.id).toBe(generated.key_id);
    const audit = await suite.store.audit.list({ entityType: 'virtual_key', entityId: generated.key_id });
    expect(audit.items.map((entry) => [entry.action, entry.actor])).toEqual([['create', 'master_key']]);
    expect(JSON.stringify(audit.items)).not.toContain(generated.token);
    expect(JSON.stringify(audit.items)).not.toContain(generated.key);
  });

  it('drives a LiteLLM script: generate, info, update, block, unblock, regenerate, delete; no later answer holds the key', async (context) => {
    if (!suite.store) return context.skip();
    const generated = await generateKey(suite.fx.master, { max_budget: 5, models: ['gpt-4o'] }, suite.fx.deps);
    const answers: unknown[] = [];
    const info = await keyInfo(suite.fx.master, { key: generated.key }, suite.fx.deps);
    answers.push(info);
    expect(info).toMatchObject({ key: generated.token, info: { max_budget: 5, models: ['gpt-4o'], key_name: generated.key_name } });
    const updated = await updateKey(suite.fx.master, { key: generated.key, max_budget: 7, models: ['gpt-4o', 'claude'], key_alias: 'renamed' }, suite.fx.deps);
    answers.push(updated);
    expect(updated).toMatchObject({ max_budget: 7, models: ['gpt-4o', 'claude'], key_alias: 'renamed' });

    expect((await suite.fx.as(generated.key)).kind).toBe('key'); // cached now
    answers.push(await blockKey(suite.fx.master, { key: generated.token }, suite.fx.deps));
    await expect(suite.fx.as(generated.key)).rejects.toMatchObject({ code: 'key_blocked' }); // invalidated at once
    answers.push(await unblockKey(suite.fx.master, { key: generated.key }, suite.fx.deps));
    expect((await suite.fx.as(generated.key)).kind).toBe('key');

    const regenerated = await regenerateKey(suite.fx.master, { key: generated.key, max_budget: 9 }, suite.fx.deps);
    expect(regenerated.key).not.toBe(generated.key);
    expect(regenerated).toMatchObject({ key_id: generated.key_id, max_budget: 9, token: hashVirtualKey(regenerated.key) });
    await expect(suite.fx.as(generated.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    expect((await suite.fx.as(regenerated.key)).kind).toBe('key');

    answers.push(await listKeys(suite.fx.master, { return_full_object: 'true', size: '100' }, suite.fx.deps));
    const deleted = await deleteKeys(suite.fx.master, { keys: [regenerated.key] }, suite.fx.deps);
    answers.push(deleted);
    expect(deleted).toEqual({ deleted_keys: [regenerated.token] });
    await expect(suite.fx.as(regenerated.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(keyInfo(suite.fx.master, { key: regenerated.key }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'key' });
    const text = JSON.stringify(answers);
    expect(text).not.toContain(generated.key);
    expect(text).not.toContain(regenerated.key);
  });

  it('lets a plain key read only itself, and refuses every write and list with 403', async (context) => {
    if (!suite.store) return context.skip();
    const { member, admin } = await teamWithKeys();
    const me = await suite.fx.as(member.key);
    expect(await keyInfo(me, {}, suite.fx.deps)).toMatchObject({ key: member.token, info: { key_id: member.key_id } });
    expect(await keyInfo(me, { key: member.token }, suite.fx.deps)).toMatchObject({ info: { key_id: member.key_id } });
    await expect(keyInfo(me, { key: admin.token }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(keyInfo(me, { key: 'sk-does-not-exist-anywhere' }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(listKeys(me, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(generateKey(me, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403, code: 'admin_required' });
    await expect(updateKey(me, { key: member.key, max_budget: 1000 }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(blockKey(me, { key: admin.key }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(deleteKeys(me, { keys: [admin.key] }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
  });

  it('lets a team admin list and read its own team’s keys, never another team’s', async (context) => {
    if (!suite.store) return context.skip();
    const a = await teamWithKeys();
    const b = await teamWithKeys();
    const teamAdmin = await suite.fx.as(a.admin.key);
    const listed = await listKeys(teamAdmin, { return_full_object: 'true' }, suite.fx.deps);
    expect(listed.total_count).toBe(2);
    expect(new Set(listed.keys.map((key) => (typeof key === 'string' ? key : key.token)))).toEqual(new Set([a.admin.token, a.member.token]));
    expect(await keyInfo(teamAdmin, { key: a.member.token }, suite.fx.deps)).toMatchObject({ info: { key_id: a.member.key_id } });
    await expect(keyInfo(teamAdmin, { key: b.member.token }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(listKeys(teamAdmin, { team_id: b.team.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(generateKey(teamAdmin, { team_id: a.team.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
  });

  it('gives a proxy_admin user’s key every right', async (context) => {
    if (!suite.store) return context.skip();
    const userId = uniqueId('root');
    await suite.store.users.create({ id: userId, role: 'proxy_admin' });
    const adminKey = await generateKey(suite.fx.master, { user_id: userId }, suite.fx.deps);
    const admin = await suite.fx.as(adminKey.key);
    const generated = await generateKey(admin, { key_alias: 'by-admin' }, suite.fx.deps);
    expect(generated.created_by).toBe(userId);
    expect(await keyInfo(admin, { key: generated.token }, suite.fx.deps)).toMatchObject({ info: { key_alias: 'by-admin' } });
    const audit = await suite.store.audit.list({ entityType: 'virtual_key', entityId: generated.key_id });
    expect(audit.items[0]?.actor).toBe(userId);
  });

  it('pages /key/list by number with totals, as tokens or objects', async (context) => {
    if (!suite.store) return context.skip();
    const team = await newTeam(suite.fx.master, {}, suite.fx.deps);
    const tokens = [];
    for (let n = 0; n < 3; n += 1) tokens.push((await generateKey(suite.fx.master, { team_id: team.team_id }, suite.fx.deps)).token);
    const first = await listKeys(suite.fx.master, { team_id: team.team_id, size: '2', page: '1' }, suite.fx.deps);
    const second = await listKeys(suite.fx.master, { team_id: team.team_id, size: '2', page: '2' }, suite.fx.deps);
    expect(first).toMatchObject({ total_count: 3, current_page: 1, total_pages: 2 });
    expect(second).toMatchObject({ total_count: 3, current_page: 2, total_pages: 2 });
    expect(new Set([...first.keys, ...second.keys])).toEqual(new Set(tokens));
    const full = await listKeys(suite.fx.master, { team_id: team.team_id, return_full_object: 'true' }, suite.fx.deps);
    expect(full.keys.every((key) => typeof key === 'object' && !('key' in key))).toBe(true);
  });

  it('answers a precise 400 or 404 naming the field for bad input', async (context) => {
    if (!suite.store) return context.skip();
    const bad = async (input: unknown) => generateKey(suite.fx.master, input, suite.fx.deps).then(() => undefined, (error: unknown) => error);
    expect(await bad({ max_budjet: 5 })).toMatchObject({ status: 400, param: 'max_budjet', message: 'Unknown field "max_budjet".' });
    expect(await bad({ max_budget: -1 })).toMatchObject({ status: 400, param: 'max_budget' });
    expect(await bad({ budget_duration: 'monthly' })).toMatchObject({ status: 400, param: 'budget_duration' });
    expect(await bad({ duration: '30d', expires: '2030-01-01T00:00:00Z' })).toMatchObject({ status: 400, param: 'duration' });
    expect(await bad({ model_max_budget: { 'gpt-4o': { budget_limit: 1 } } })).toMatchObject({ status: 400, param: 'model_max_budget' });
    expect(await bad({ object_permission: { vector_stores: ['x'] } })).toMatchObject({ status: 400, param: 'object_permission.vector_stores' });
    expect(await bad({ team_id: uniqueId('missing') })).toMatchObject({ status: 404, param: 'team_id' });
    expect(await bad({ key: 'not-sk' })).toMatchObject({ status: 400, param: 'key' });
    expect(await bad('not an object')).toMatchObject({ status: 400 });
    await expect(updateKey(suite.fx.master, { max_budget: 1 }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'key' });
    await expect(deleteKeys(suite.fx.master, { keys: ['sk-unknown-key-value-000'] }, suite.fx.deps)).rejects.toMatchObject({
      status: 404,
      param: 'keys.0',
      message: expect.not.stringContaining('sk-unknown-key-value-000'),
    });
  });

  it('imports a key brought from LiteLLM and refuses the same key twice with 409', async (context) => {
    if (!suite.store) return context.skip();
    const key = `sk-${uniqueId('imported')}`;
    const imported = await generateKey(suite.fx.master, { key, user_id: uniqueId('someone') }, suite.fx.deps);
    expect(imported.key).toBe(key);
    expect((await suite.fx.as(key)).kind).toBe('key');
    await expect(generateKey(suite.fx.master, { key }, suite.fx.deps)).rejects.toMatchObject({ status: 409 });
  });
});
