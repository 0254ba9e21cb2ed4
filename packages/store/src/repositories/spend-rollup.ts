import type { SpendScope, SpendStatus } from '../schema/index.js';
import { fromMoneyUnits, toMoneyUnits } from './decimal.js';

/** The fields of an inserted spend log the roll-ups and spend counters need. */
export interface CountedSpend {
  keyHash: string | null;
  userId: string | null;
  teamId: string | null;
  organisationId: string | null;
  endUserId: string | null;
  modelGroup: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** Exact decimal text as stored (numeric(24, 10)). */
  cost: string;
  status: SpendStatus;
  cacheHit: boolean;
  tags: string[];
  startedAt: Date;
}

/** The counts a roll-up row and a report row carry besides cost. */
export interface SpendCounts {
  requests: number;
  successfulRequests: number;
  failedRequests: number;
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
}

export interface DailySpendRow extends SpendCounts {
  day: string;
  scope: SpendScope;
  scopeId: string;
  modelGroup: string;
  provider: string;
  /** Exact decimal text. */
  cost: string;
}

/** What to add to one entity's `spend`; `ids` is the key (one id, or team and user for a membership). */
export interface SpendIncrement {
  ids: string[];
  /** Exact decimal text. */
  cost: string;
}

export interface SpendCounters {
  keys: SpendIncrement[];
  teams: SpendIncrement[];
  users: SpendIncrement[];
  organisations: SpendIncrement[];
  endUsers: SpendIncrement[];
  memberships: SpendIncrement[];
}

/** The UTC day of a request's start: the day its cost is counted on. */
export function spendDay(startedAt: Date): string {
  return startedAt.toISOString().slice(0, 10);
}

function scopesOf(log: CountedSpend): Array<[SpendScope, string]> {
  const scopes: Array<[SpendScope, string | null]> = [
    ['global', ''],
    ['key', log.keyHash],
    ['team', log.teamId],
    ['user', log.userId],
    ['end_user', log.endUserId],
    ['organisation', log.organisationId],
    ...[...new Set(log.tags)].map((tag): [SpendScope, string] => ['tag', tag]),
  ];
  return scopes.filter((scope): scope is [SpendScope, string] => scope[1] !== null);
}

type Accumulating = Omit<DailySpendRow, 'cost'> & { costUnits: bigint };

function addTo(row: Accumulating, log: CountedSpend): void {
  row.requests += 1;
  row.successfulRequests += log.status === 'success' ? 1 : 0;
  row.failedRequests += log.status === 'success' ? 0 : 1;
  row.cacheHits += log.cacheHit ? 1 : 0;
  row.promptTokens += log.promptTokens;
  row.completionTokens += log.completionTokens;
  row.cachedTokens += log.cachedTokens;
  row.reasoningTokens += log.reasoningTokens;
  row.costUnits += toMoneyUnits(log.cost);
}

const emptyCounts: SpendCounts = {
  requests: 0,
  successfulRequests: 0,
  failedRequests: 0,
  cacheHits: 0,
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  reasoningTokens: 0,
};

/** Code-unit order: the one lock order every writer follows. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByKey<T>(entries: Map<string, T>): T[] {
  return [...entries.entries()].sort(([a], [b]) => compareText(a, b)).map(([, value]) => value);
}

/**
 * One roll-up row per (scope, scope id, day, model group, provider), sorted by that key: every writer then
 * locks roll-up rows in the same order, so concurrent flushes from several gateways cannot deadlock.
 */
export function rollUpDaily(logs: readonly CountedSpend[]): DailySpendRow[] {
  const rows = new Map<string, Accumulating>();
  for (const log of logs) {
    const day = spendDay(log.startedAt);
    for (const [scope, scopeId] of scopesOf(log)) {
      const key = [scope, scopeId, day, log.modelGroup, log.provider].join('\u0000');
      let row = rows.get(key);
      if (row === undefined) {
        row = { day, scope, scopeId, modelGroup: log.modelGroup, provider: log.provider, ...emptyCounts, costUnits: 0n };
        rows.set(key, row);
      }
      addTo(row, log);
    }
  }
  return sortedByKey(rows).map(({ costUnits, ...row }) => ({ ...row, cost: fromMoneyUnits(costUnits) }));
}

function sum(logs: readonly CountedSpend[], idsOf: (log: CountedSpend) => Array<string | null>): SpendIncrement[] {
  const totals = new Map<string, { ids: string[]; units: bigint }>();
  for (const log of logs) {
    const ids = idsOf(log);
    const units = toMoneyUnits(log.cost);
    if (units === 0n || ids.some((id) => id === null)) continue;
    const key = ids.join('\u0000');
    const total = totals.get(key) ?? { ids: ids as string[], units: 0n };
    total.units += units;
    totals.set(key, total);
  }
  return sortedByKey(totals).map(({ ids, units }) => ({ ids, cost: fromMoneyUnits(units) }));
}

/** Per-entity spend to add to the budget counters, sorted by id for the same lock-order reason. */
export function sumSpendCounters(logs: readonly CountedSpend[]): SpendCounters {
  return {
    keys: sum(logs, (log) => [log.keyHash]),
    teams: sum(logs, (log) => [log.teamId]),
    users: sum(logs, (log) => [log.userId]),
    organisations: sum(logs, (log) => [log.organisationId]),
    endUsers: sum(logs, (log) => [log.endUserId]),
    memberships: sum(logs, (log) => [log.teamId, log.userId]),
  };
}
