import type { SpendLog, SpendLogQuery, SpendReportRow, Store } from '@switchyard/store';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { requireAdmin, visibilityOf, type Visibility } from './access.js';
import { compact, id, pageNumber, pageSizeOf, queryFlag } from './input-fields.js';
import { findKey, keyTokenOf } from './key-lookup.js';
import type { ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { parseInput } from './parse-input.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day ("2026-11-27", the whole UTC day) or an ISO date-time. */
const dateOrTime = z.union([z.string().regex(DAY), z.iso.datetime({ offset: true })], { error: 'expected YYYY-MM-DD or an ISO date-time' });

const spendLogsQuery = z.strictObject({
  api_key: z.string().min(1).max(1024).optional(),
  user_id: id.optional(),
  team_id: id.optional(),
  end_user: id.optional(),
  model: z.string().min(1).optional(),
  status: z.enum(['success', 'failure']).optional(),
  request_id: z.string().min(1).max(256).optional(),
  start_date: dateOrTime.optional(),
  end_date: dateOrTime.optional(),
  page: pageNumber,
  size: pageSizeOf(1000),
});

const reportQuery = z.strictObject({
  start_date: z.string().regex(DAY, 'expected YYYY-MM-DD'),
  end_date: z.string().regex(DAY, 'expected YYYY-MM-DD'),
  group_by: z.enum(['day', 'key', 'api_key', 'team', 'model']).default('day'),
  /** Switchyard's addition (the admin console's charts): key, team and model rows per day, with `group_by_day`. */
  per_day: queryFlag,
});

const startOf = (text: string) => new Date(DAY.test(text) ? `${text}T00:00:00.000Z` : text);
/** An end day covers that whole day; an end time is exclusive. */
const endOf = (text: string) => (DAY.test(text) ? new Date(Date.parse(`${text}T00:00:00.000Z`) + 86_400_000) : new Date(text));

/** LiteLLM's SpendLogs row. `api_key` is the key's token (hash), never the key. */
export function spendLogView(log: SpendLog) {
  return {
    request_id: log.requestId,
    api_key: log.keyHash,
    call_type: log.route,
    spend: log.cost,
    prompt_tokens: log.promptTokens,
    completion_tokens: log.completionTokens,
    total_tokens: log.promptTokens + log.completionTokens,
    startTime: log.startedAt.toISOString(),
    endTime: log.endedAt.toISOString(),
    request_duration_ms: log.latencyMs,
    model: log.model ?? log.modelGroup,
    model_group: log.modelGroup,
    model_id: log.deploymentId,
    custom_llm_provider: log.provider,
    user: log.userId,
    team_id: log.teamId,
    organization_id: log.organisationId,
    end_user: log.endUserId,
    status: log.status,
    cache_hit: log.cacheHit,
    request_tags: log.tags,
    metadata: { ...log.metadata, error_class: log.errorClass, cached_tokens: log.cachedTokens, reasoning_tokens: log.reasoningTokens },
  };
}

/** Narrows the filter to what the caller may see; asking for more is a 403, not an empty answer. */
async function scopeFilter(store: Store, visibility: Visibility, filter: SpendLogQuery): Promise<SpendLogQuery> {
  if (visibility.scope === 'all') return filter;
  const refuse = () => managementErrors.forbidden('This key may read its own spend only (a team admin’s key: its team’s).');
  if (visibility.scope === 'key') {
    if (filter.keyHash !== undefined && filter.keyHash !== visibility.key.keyHash) throw refuse();
    if (filter.teamId !== undefined || filter.userId !== undefined) throw refuse();
    return { ...filter, keyHash: visibility.key.keyHash };
  }
  if (filter.teamId !== undefined && filter.teamId !== visibility.teamId) throw refuse();
  if (filter.keyHash !== undefined && filter.keyHash !== visibility.key.keyHash) {
    const key = await store.keys.findByHash(filter.keyHash);
    if (key?.teamId !== visibility.teamId) throw refuse();
  }
  return { ...filter, teamId: visibility.teamId };
}

/** GET /spend/logs: newest first, LiteLLM's list of SpendLogs rows; `page`/`size` page through it (size ≤ 1000). */
export async function spendLogs(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(spendLogsQuery, input);
  const keyHash = query.api_key === undefined ? undefined : ((await keyTokenOf(deps.store, query.api_key)) ?? 'unknown');
  const size = query.size ?? 100;
  const filter = await scopeFilter(
    deps.store,
    visibilityOf(principal),
    compact({
      requestId: query.request_id,
      keyHash,
      userId: query.user_id,
      teamId: query.team_id,
      endUserId: query.end_user,
      modelGroup: query.model,
      status: query.status,
      from: query.start_date === undefined ? undefined : startOf(query.start_date),
      to: query.end_date === undefined ? undefined : endOf(query.end_date),
    }),
  );
  const page = await storeCall(() => deps.store.spend.logs({ ...filter, limit: size, offset: ((query.page ?? 1) - 1) * size }));
  return page.items.map(spendLogView);
}

function totalsView(row: SpendReportRow) {
  return {
    total_spend: row.cost,
    api_requests: row.requests,
    successful_requests: row.successfulRequests,
    failed_requests: row.failedRequests,
    prompt_tokens: row.promptTokens,
    completion_tokens: row.completionTokens,
    total_tokens: row.promptTokens + row.completionTokens,
  };
}

async function labelled(store: Store, groupBy: 'day' | 'key' | 'team' | 'model', row: SpendReportRow) {
  if (groupBy === 'day') return { group_by_day: row.day ?? null, ...totalsView(row) };
  if (groupBy === 'model') return { model: row.modelGroup ?? null, ...totalsView(row) };
  if (groupBy === 'team') {
    const team = row.scopeId === undefined ? undefined : await store.teams.get(row.scopeId);
    return { team_id: row.scopeId ?? null, team_alias: team?.alias ?? null, ...totalsView(row) };
  }
  const key = row.scopeId === undefined ? undefined : await findKey(store, row.scopeId);
  return { api_key: row.scopeId ?? null, key_alias: key?.keyAlias ?? null, key_name: key?.keyHint ?? null, ...totalsView(row) };
}

/**
 * GET /global/spend/report?start_date=&end_date=&group_by=day|key|team|model (admins only), from the daily roll-ups;
 * `per_day=true` splits the key, team and model rows by UTC day.
 */
export async function globalSpendReport(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const query = parseInput(reportQuery, input);
  if (query.start_date > query.end_date) throw managementErrors.invalid('end_date', '"end_date" is before "start_date".');
  const groupBy = query.group_by === 'api_key' ? 'key' : query.group_by;
  const range = { from: query.start_date, to: query.end_date };
  const perDay = query.per_day === true && groupBy !== 'day';
  const days = perDay ? (['day'] as const) : ([] as const);
  const report =
    groupBy === 'day' || groupBy === 'model'
      ? { scope: 'global' as const, groupBy: [groupBy === 'day' ? ('day' as const) : ('modelGroup' as const), ...days] }
      : { scope: groupBy, groupBy: ['scopeId' as const, ...days] };
  const rows = await storeCall(() => deps.store.spend.report({ ...range, ...report }));
  const byDayThenCost = (a: SpendReportRow, b: SpendReportRow) => (a.day ?? '').localeCompare(b.day ?? '') || b.cost - a.cost;
  const sorted = groupBy === 'day' ? rows : [...rows].sort(perDay ? byDayThenCost : (a, b) => b.cost - a.cost);
  return Promise.all(sorted.map(async (row) => (perDay ? { group_by_day: row.day ?? null, ...(await labelled(deps.store, groupBy, row)) } : labelled(deps.store, groupBy, row))));
}
