import { testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { generateKey, keyInfo } from './keys.js';
import { addTeamMember, deleteTeamMember, deleteTeams, listTeams, newTeam, teamInfo, updateTeam } from './teams.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('team management on $name', (backend) => {
  const suite = useManagementSuite(backend);

  it('creates, reads, updates and lists teams with members, LiteLLM-shaped', async (context) => {
    if (!suite.store) return context.skip();
    const teamId = uniqueId('search');
    const owner = uniqueId('owner');
    const created = await newTeam(
      suite.fx.master,
      {
        team_id: teamId,
        team_alias: 'Search',
        max_budget: 100,
        budget_duration: '1mo',
        rpm_limit: 600,
        tpm_limit: 100_000,
        models: ['gpt-4o'],
        members_with_roles: [{ user_id: owner, role: 'admin' }],
        metadata: { cost_center: 'eng-1' },
        object_permission: { agents: ['planner'] },
      },
      suite.fx.deps,
    );
    expect(created).toMatchObject({
      team_id: teamId,
      team_alias: 'Search',
      max_budget: 100,
      budget_duration: '1mo',
      rpm_limit: 600,
      models: ['gpt-4o'],
      members_with_roles: [{ user_id: owner, role: 'admin' }],
      metadata: { cost_center: 'eng-1' },
      object_permission: { mcp_servers: [], agents: ['planner'] },
    });
    expect(created.budget_reset_at).not.toBeNull();
    expect(await suite.store.users.get(owner)).toMatchObject({ role: 'internal_user' }); // created, as LiteLLM does

    const email = `${uniqueId('new')}@example.com`;
    const added = await addTeamMember(suite.fx.master, { team_id: teamId, member: { user_email: email, role: 'user' } }, suite.fx.deps);
    const newcomer = await suite.store.users.findByEmail(email);
    expect(added.members_with_roles).toContainEqual({ user_id: newcomer?.id, role: 'user' });
    await addTeamMember(suite.fx.master, { team_id: teamId, member: { user_id: newcomer?.id, role: 'admin' } }, suite.fx.deps);

    const key = await generateKey(suite.fx.master, { team_id: teamId, user_id: owner }, suite.fx.deps);
    const info = await teamInfo(suite.fx.master, { team_id: teamId }, suite.fx.deps);
    expect(info.team_id).toBe(teamId);
    expect(info.team_info.members_with_roles).toHaveLength(2);
    expect(info.keys.map((entry) => entry.token)).toEqual([key.token]);
    expect(info.team_memberships).toContainEqual(expect.objectContaining({ user_id: newcomer?.id, role: 'admin' }));
    expect(JSON.stringify(info)).not.toContain(key.key);

    const updated = await updateTeam(suite.fx.master, { team_id: teamId, max_budget: 50, blocked: true }, suite.fx.deps);
    expect(updated).toMatchObject({ max_budget: 50, blocked: true });
    await expect(suite.fx.as(key.key)).rejects.toMatchObject({ code: 'team_blocked' });
    await updateTeam(suite.fx.master, { team_id: teamId, blocked: false }, suite.fx.deps);

    const removed = await deleteTeamMember(suite.fx.master, { team_id: teamId, user_id: newcomer?.id }, suite.fx.deps);
    expect(removed.members_with_roles.map((member) => member.user_id)).toEqual([owner]);
    expect((await listTeams(suite.fx.master, {}, suite.fx.deps)).map((team) => team.team_id)).toContain(teamId);
    const audit = await suite.store.audit.list({ entityType: 'team', entityId: teamId });
    expect(audit.items.map((entry) => entry.action)).toEqual(['update', 'update', 'create']);
  });

  it('deletes a team together with its keys', async (context) => {
    if (!suite.store) return context.skip();
    const team = await newTeam(suite.fx.master, {}, suite.fx.deps);
    const key = await generateKey(suite.fx.master, { team_id: team.team_id }, suite.fx.deps);
    expect(await deleteTeams(suite.fx.master, { team_ids: [team.team_id] }, suite.fx.deps)).toEqual({ deleted_teams: [team.team_id] });
    expect(await suite.store.teams.get(team.team_id)).toBeUndefined();
    await expect(suite.fx.as(key.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(deleteTeams(suite.fx.master, { team_ids: [team.team_id] }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'team_ids.0' });
  });

  it('shows a team to its own team admin only', async (context) => {
    if (!suite.store) return context.skip();
    const admin = uniqueId('admin');
    const member = uniqueId('member');
    const a = await newTeam(suite.fx.master, { members_with_roles: [{ user_id: admin, role: 'admin' }, { user_id: member }] }, suite.fx.deps);
    const b = await newTeam(suite.fx.master, {}, suite.fx.deps);
    const adminKey = await suite.fx.as((await generateKey(suite.fx.master, { team_id: a.team_id, user_id: admin }, suite.fx.deps)).key);
    const memberKey = await suite.fx.as((await generateKey(suite.fx.master, { team_id: a.team_id, user_id: member }, suite.fx.deps)).key);
    expect((await teamInfo(adminKey, {}, suite.fx.deps)).team_id).toBe(a.team_id);
    await expect(teamInfo(adminKey, { team_id: b.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(teamInfo(memberKey, { team_id: a.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(listTeams(adminKey, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(newTeam(adminKey, {}, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(addTeamMember(adminKey, { team_id: a.team_id, member: { user_id: 'x' } }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(keyInfo(memberKey, {}, suite.fx.deps)).resolves.toMatchObject({ info: { team_id: a.team_id } });
  });

  it('refuses bad team input with a 400 or 404 naming the field', async (context) => {
    if (!suite.store) return context.skip();
    await expect(newTeam(suite.fx.master, { members_with_roles: [{ user_id: 'u', role: 'owner' }] }, suite.fx.deps)).rejects.toMatchObject({
      status: 400,
      param: 'members_with_roles.0.role',
    });
    await expect(newTeam(suite.fx.master, { organization_id: uniqueId('org') }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'organization_id' });
    await expect(newTeam(suite.fx.master, { model_aliases: { a: 'b' } }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'model_aliases' });
    await expect(updateTeam(suite.fx.master, { team_id: uniqueId('nope') }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'team_id' });
    await expect(teamInfo(suite.fx.master, {}, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'team_id' });
    await expect(addTeamMember(suite.fx.master, { team_id: (await newTeam(suite.fx.master, {}, suite.fx.deps)).team_id, member: { role: 'user' } }, suite.fx.deps)).rejects.toMatchObject({
      status: 400,
      param: 'member.0.user_id',
    });
    const existing = await newTeam(suite.fx.master, {}, suite.fx.deps);
    await expect(newTeam(suite.fx.master, { team_id: existing.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 409 });
  });
});
