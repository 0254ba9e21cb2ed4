import type { Store } from '@switchyard/store';
import { sampleSpendLog, testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { generateKey } from './keys.js';
import { globalSpendReport, spendLogs } from './spend.js';
import { newTeam } from './teams.js';

const backends: TestBackend[] = await testBackends();
const at = (text: string) => new Date(text);

describe.each(backends)('spend logs and reports on $name', (backend) => {
  const suite = useManagementSuite(backend);

  /** Team A (an admin's key and a member's key) and team B (one key), each with spend on 2031-03-01/02. */
  async function seed(s: Store) {
    const admin = uniqueId('admin');
    const a = await newTeam(suite.fx.master, { team_alias: 'A', members_with_roles: [{ user_id: admin, role: 'admin' }] }, suite.fx.deps);
    const b = await newTeam(suite.fx.master, { team_alias: 'B' }, suite.fx.deps);
    const aAdmin = await generateKey(suite.fx.master, { team_id: a.team_id, user_id: admin, key_alias: 'a-admin' }, suite.fx.deps);
    const aMember = await generateKey(suite.fx.master, { team_id: a.team_id }, suite.fx.deps);
    const bKey = await generateKey(suite.fx.master, { team_id: b.team_id }, suite.fx.deps);
    const log = (key: typeof aAdmin, teamId: string, startedAt: string, extra = {}) =>
      sampleSpendLog({ keyHash: key.token, teamId, startedAt: at(startedAt), ...extra });
    const logs = [
      log(aAdmin, a.team_id, '2031-03-01T10:00:00Z', { cost: 0.5 }),
      log(aMember, a.team_id, '2031-03-01T11:00:00Z', { modelGroup: 'claude', provider: 'anthropic', cost: 0.25, status: 'failure' }),
      log(aMember, a.team_id, '2031-03-02T09:00:00Z', { cost: 0.125 }),
      log(bKey, b.team_id, '2031-03-02T12:00:00Z', { cost: 1 }),
    ];
    await s.spend.record(logs);
    return { a, b, aAdmin, aMember, bKey, logs };
  }

  it('filters logs LiteLLM-style and answers SpendLogs rows without any key', async (context) => {
    if (!suite.store) return context.skip();
    const { a, aAdmin, aMember, bKey, logs } = await seed(suite.store);
    const ids = (rows: Array<{ request_id: string }>) => rows.map((row) => logs.findIndex((log) => log.requestId === row.request_id));
    const byRaw = await spendLogs(suite.fx.master, { api_key: aMember.key }, suite.fx.deps);
    expect(ids(byRaw)).toEqual([2, 1]);
    expect(byRaw[0]).toMatchObject({ api_key: aMember.token, spend: 0.125, model_group: 'gpt-4o', team_id: a.team_id, total_tokens: 150, status: 'success' });
    expect(JSON.stringify(byRaw)).not.toContain(aMember.key);
    expect(ids(await spendLogs(suite.fx.master, { api_key: aMember.token, status: 'failure' }, suite.fx.deps))).toEqual([1]);
    expect(ids(await spendLogs(suite.fx.master, { team_id: a.team_id, model: 'claude' }, suite.fx.deps))).toEqual([1]);
    expect(ids(await spendLogs(suite.fx.master, { team_id: a.team_id, start_date: '2031-03-02', end_date: '2031-03-02' }, suite.fx.deps))).toEqual([2]);
    expect(ids(await spendLogs(suite.fx.master, { team_id: a.team_id, end_date: '2031-03-01' }, suite.fx.deps))).toEqual([1, 0]);
    expect(ids(await spendLogs(suite.fx.master, { request_id: logs[3]!.requestId }, suite.fx.deps))).toEqual([3]);
    expect(ids(await spendLogs(suite.fx.master, { team_id: a.team_id, size: '1', page: '2' }, suite.fx.deps))).toEqual([1]);
    expect(ids(await spendLogs(suite.fx.master, { api_key: bKey.key_id }, suite.fx.deps))).toEqual([3]);
    expect(ids(await spendLogs(await suite.fx.as(aAdmin.key), {}, suite.fx.deps))).toEqual([2, 1, 0]);
  });

  it('shows a key its own spend, a team admin its team’s, and never another team’s', async (context) => {
    if (!suite.store) return context.skip();
    const { a, b, aAdmin, aMember, bKey, logs } = await seed(suite.store);
    const member = await suite.fx.as(aMember.key);
    expect((await spendLogs(member, {}, suite.fx.deps)).map((row) => row.request_id)).toEqual([logs[2]!.requestId, logs[1]!.requestId]);
    expect(await spendLogs(member, { api_key: aMember.key }, suite.fx.deps)).toHaveLength(2);
    await expect(spendLogs(member, { api_key: aAdmin.token }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(spendLogs(member, { team_id: a.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    const teamAdmin = await suite.fx.as(aAdmin.key);
    expect(await spendLogs(teamAdmin, { api_key: aMember.token }, suite.fx.deps)).toHaveLength(2);
    await expect(spendLogs(teamAdmin, { team_id: b.team_id }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(spendLogs(teamAdmin, { api_key: bKey.token }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(spendLogs(await suite.fx.as(bKey.key), { api_key: aMember.token }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(globalSpendReport(teamAdmin, { start_date: '2031-03-01', end_date: '2031-03-02' }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
  });

  it('reports spend by day, key, team and model over a date range', async (context) => {
    if (!suite.store) return context.skip();
    const { a, aMember } = await seed(suite.store);
    const range = { start_date: '2031-03-01', end_date: '2031-03-02' };
    const byDay = await globalSpendReport(suite.fx.master, range, suite.fx.deps);
    expect(byDay.map((row) => 'group_by_day' in row && row.group_by_day)).toEqual(['2031-03-01', '2031-03-02']);
    expect(byDay[0]).toMatchObject({ api_requests: expect.any(Number), total_spend: expect.any(Number) });
    const byTeam = await globalSpendReport(suite.fx.master, { ...range, group_by: 'team' }, suite.fx.deps);
    expect(byTeam).toContainEqual(expect.objectContaining({ team_id: a.team_id, team_alias: 'A', total_spend: 0.875, api_requests: 3, failed_requests: 1 }));
    const byKey = await globalSpendReport(suite.fx.master, { ...range, group_by: 'key' }, suite.fx.deps);
    expect(byKey).toContainEqual(expect.objectContaining({ api_key: aMember.token, key_name: aMember.key_name, total_spend: 0.375 }));
    expect(JSON.stringify(byKey)).not.toContain(aMember.key);
    const byModel = await globalSpendReport(suite.fx.master, { ...range, group_by: 'model' }, suite.fx.deps);
    expect(byModel.map((row) => 'model' in row && row.model)).toEqual(expect.arrayContaining(['gpt-4o', 'claude']));
    const modelsPerDay = await globalSpendReport(suite.fx.master, { ...range, group_by: 'model', per_day: 'true' }, suite.fx.deps);
    const dayTotals = new Map<string, number>();
    for (const row of modelsPerDay) {
      expect(row).toMatchObject({ group_by_day: expect.stringMatching(/^2031-03-0[12]$/), model: expect.any(String) });
      const day = (row as { group_by_day: string }).group_by_day;
      dayTotals.set(day, (dayTotals.get(day) ?? 0) + row.total_spend);
    }
    expect([...dayTotals.keys()]).toEqual(byDay.map((row) => ('group_by_day' in row ? row.group_by_day : '')));
    for (const row of byDay) expect(dayTotals.get('group_by_day' in row ? (row.group_by_day ?? '') : '')).toBeCloseTo(row.total_spend);
    const keysPerDay = await globalSpendReport(suite.fx.master, { ...range, group_by: 'key', per_day: 'true' }, suite.fx.deps);
    expect(keysPerDay.filter((row) => 'api_key' in row && row.api_key === aMember.token).reduce((sum, row) => sum + row.total_spend, 0)).toBeCloseTo(0.375);
    expect(await globalSpendReport(suite.fx.master, { ...range, per_day: 'true' }, suite.fx.deps)).toEqual(byDay);
    await expect(globalSpendReport(suite.fx.master, { start_date: '2031-03-02', end_date: '2031-03-01' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'end_date' });
    await expect(globalSpendReport(suite.fx.master, { ...range, group_by: 'region' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'group_by' });
    await expect(globalSpendReport(suite.fx.master, { start_date: 'yesterday', end_date: '2031-03-01' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'start_date' });
    await expect(spendLogs(suite.fx.master, { status: 'ok' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'status' });
    await expect(spendLogs(suite.fx.master, { start_date: 'last week' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'start_date' });
  });
});
