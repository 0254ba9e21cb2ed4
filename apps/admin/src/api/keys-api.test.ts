import { describe, expect, it } from 'vitest';
import { keyRow } from './keys-api';

describe('keyRow', () => {
  it('reads a /key/list row with its limits and object permission', () => {
    expect(
      keyRow({
        token: 'abc',
        key_alias: 'ci',
        key_name: 'sk-...wxyz',
        spend: '1.5',
        max_budget: 10,
        budget_duration: '30d',
        rpm_limit: 60,
        models: ['gpt-4o-mini', 7],
        team_id: 'team-1',
        blocked: true,
        object_permission: { mcp_servers: ['github'] },
      }),
    ).toMatchObject({ token: 'abc', alias: 'ci', hint: 'sk-...wxyz', spend: 1.5, maxBudget: 10, budgetDuration: '30d', rpmLimit: 60, models: ['gpt-4o-mini'], teamId: 'team-1', blocked: true, mcpServers: ['github'], agents: undefined });
  });

  it('reads a bare row with defaults', () => {
    expect(keyRow({ token: 't' })).toMatchObject({ spend: 0, maxBudget: undefined, models: [], blocked: false, mcpServers: undefined });
  });
});
