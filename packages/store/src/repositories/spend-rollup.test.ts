import { describe, expect, it } from 'vitest';
import { rollUpDaily, spendDay, sumSpendCounters, type CountedSpend } from './spend-rollup.js';

function log(overrides: Partial<CountedSpend>): CountedSpend {
  return {
    keyHash: 'hash-a',
    userId: null,
    teamId: null,
    organisationId: null,
    endUserId: null,
    modelGroup: 'gpt-4o',
    provider: 'openai',
    promptTokens: 10,
    completionTokens: 5,
    cachedTokens: 0,
    reasoningTokens: 0,
    cost: '0.1000000000',
    status: 'success',
    cacheHit: false,
    tags: [],
    startedAt: new Date('2026-03-10T12:00:00Z'),
    ...overrides,
  };
}

describe('rollUpDaily', () => {
  it('counts each request once per scope it belongs to, on its UTC day', () => {
    const rows = rollUpDaily([
      log({ teamId: 'team-1', userId: 'user-1', tags: ['prod', 'prod', 'eu'] }),
      log({ teamId: 'team-1', status: 'failure', cost: '0.0000000000', cacheHit: true }),
      log({ keyHash: 'hash-b', startedAt: new Date('2026-03-10T23:59:59.999Z'), cost: '0.2000000000' }),
      log({ startedAt: new Date('2026-03-11T00:00:00Z') }),
    ]);
    const find = (scope: string, scopeId: string, day = '2026-03-10') =>
      rows.find((row) => row.scope === scope && row.scopeId === scopeId && row.day === day);
    expect(find('global', '')).toMatchObject({ requests: 3, successfulRequests: 2, failedRequests: 1, cacheHits: 1, cost: '0.3000000000' });
    expect(find('global', '', '2026-03-11')).toMatchObject({ requests: 1, cost: '0.1000000000' });
    expect(find('key', 'hash-a')).toMatchObject({ requests: 2, promptTokens: 20, completionTokens: 10, cost: '0.1000000000' });
    expect(find('key', 'hash-b')).toMatchObject({ requests: 1, cost: '0.2000000000' });
    expect(find('team', 'team-1')).toMatchObject({ requests: 2, failedRequests: 1 });
    expect(find('user', 'user-1')).toMatchObject({ requests: 1 });
    expect(find('tag', 'prod')).toMatchObject({ requests: 1 });
    expect(find('tag', 'eu')).toMatchObject({ requests: 1 });
    expect(rows.some((row) => row.scope === 'end_user' || row.scope === 'organisation')).toBe(false);
  });

  it('keeps model groups and providers apart and returns rows in one fixed order', () => {
    const logs = [
      log({ modelGroup: 'claude', provider: 'anthropic' }),
      log({ modelGroup: 'gpt-4o', provider: 'azure' }),
      log({ modelGroup: 'gpt-4o', provider: 'openai' }),
    ];
    const forward = rollUpDaily(logs);
    const backward = rollUpDaily([...logs].reverse());
    expect(forward).toEqual(backward);
    expect(forward.filter((row) => row.scope === 'global').map((row) => `${row.modelGroup}/${row.provider}`)).toEqual([
      'claude/anthropic',
      'gpt-4o/azure',
      'gpt-4o/openai',
    ]);
  });

  it('sums costs exactly where floating point would drift', () => {
    const rows = rollUpDaily(Array.from({ length: 10 }, () => log({ cost: '0.1000000000' })));
    expect(rows.find((row) => row.scope === 'global')?.cost).toBe('1.0000000000');
  });

  it('takes the day from the UTC date', () => {
    expect(spendDay(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
  });
});

describe('sumSpendCounters', () => {
  it('sums cost per entity, skips free requests and missing ids, and sorts by id', () => {
    const counters = sumSpendCounters([
      log({ keyHash: 'hash-b', teamId: 'team-2', userId: 'user-1', cost: '0.5000000000' }),
      log({ keyHash: 'hash-a', teamId: 'team-2', userId: 'user-1', cost: '0.2500000000' }),
      log({ keyHash: 'hash-a', teamId: 'team-1', cost: '0.0000000000' }),
      log({ keyHash: null, endUserId: 'customer-9', cost: '1.0000000000' }),
    ]);
    expect(counters.keys).toEqual([
      { ids: ['hash-a'], cost: '0.2500000000' },
      { ids: ['hash-b'], cost: '0.5000000000' },
    ]);
    expect(counters.teams).toEqual([{ ids: ['team-2'], cost: '0.7500000000' }]);
    expect(counters.memberships).toEqual([{ ids: ['team-2', 'user-1'], cost: '0.7500000000' }]);
    expect(counters.endUsers).toEqual([{ ids: ['customer-9'], cost: '1.0000000000' }]);
    expect(counters.organisations).toEqual([]);
  });
});
