import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../database.js';
import type { spendLogs } from '../schema/index.js';
import type { CountedSpend } from './spend-rollup.js';

export type SpendLogInput = Omit<typeof spendLogs.$inferInsert, 'createdAt'>;

/**
 * The columns `insertSpendLogs` writes, in the order of the table; `created_at` keeps its default.
 * spend-insert.test.ts checks this list against the drizzle table, so the two cannot drift apart.
 */
export const SPEND_LOG_INSERT_COLUMNS = [
  'request_id',
  'key_hash',
  'user_id',
  'team_id',
  'organisation_id',
  'end_user_id',
  'model_group',
  'deployment_id',
  'provider',
  'model',
  'route',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'cost',
  'latency_ms',
  'time_to_first_token_ms',
  'status',
  'error_class',
  'cache_hit',
  'tags',
  'metadata',
  'started_at',
  'ended_at',
] as const;

type SpendLogRow = Record<(typeof SPEND_LOG_INSERT_COLUMNS)[number], unknown>;

/** One log as the JSON object `json_populate_recordset` reads, with the table's defaults for what is left out. */
export function spendLogRow(log: SpendLogInput): SpendLogRow {
  return {
    request_id: log.requestId,
    key_hash: log.keyHash ?? null,
    user_id: log.userId ?? null,
    team_id: log.teamId ?? null,
    organisation_id: log.organisationId ?? null,
    end_user_id: log.endUserId ?? null,
    model_group: log.modelGroup,
    deployment_id: log.deploymentId ?? null,
    provider: log.provider ?? '',
    model: log.model ?? null,
    route: log.route ?? null,
    prompt_tokens: log.promptTokens ?? 0,
    completion_tokens: log.completionTokens ?? 0,
    cached_tokens: log.cachedTokens ?? 0,
    reasoning_tokens: log.reasoningTokens ?? 0,
    cost: log.cost ?? 0,
    latency_ms: log.latencyMs,
    time_to_first_token_ms: log.timeToFirstTokenMs ?? null,
    status: log.status,
    error_class: log.errorClass ?? null,
    cache_hit: log.cacheHit ?? false,
    tags: log.tags ?? [],
    metadata: log.metadata ?? null,
    started_at: log.startedAt,
    ended_at: log.endedAt,
  };
}

const columnList = SPEND_LOG_INSERT_COLUMNS.map((column) => `"${column}"`).join(', ');

/**
 * The one hot statement of the governed path. Its text is constant and its only parameter is the batch as JSON:
 * building it costs one JSON.stringify instead of a query builder walking every column of every row, and the
 * database parses one value instead of 25 bind parameters a row (no 65,535-parameter limit either). Rows are
 * inserted in the order given; the answer names only the rows really inserted, with their cost as stored.
 */
const insertStatement = sql.raw(
  `insert into "spend_logs" (${columnList}) select ${columnList} from json_populate_recordset(null::"spend_logs", `,
);
const insertTail = sql.raw(`::json) on conflict ("request_id") do nothing returning "request_id", "cost"::text as "cost"`);

/** A `\u0000` or a lone surrogate's escape (JSON.stringify writes pairs as they are), after an even run of backslashes. */
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;
const UNSTORABLE_CHARACTER = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** JSON text with every NUL and unpaired surrogate in its strings written as U+FFFD. */
export function postgresSafeJson(json: string): string {
  return json.replace(UNSTORABLE_ESCAPE, '$1\\ufffd');
}

const storable = <T>(value: T): T => (typeof value === 'string' ? (value.replace(UNSTORABLE_CHARACTER, '\ufffd') as T) : value);

/**
 * Postgres refuses text holding NUL or an unpaired surrogate, and would refuse the whole batch, which the spend
 * buffer would then retry for ever. Such a log (rare: they come from client-chosen tags, user ids or metadata) is
 * written with U+FFFD in their place, in the log and in its roll-ups alike.
 */
function storableLog(log: SpendLogInput): SpendLogInput {
  const copy = { ...log } as Record<string, unknown>;
  for (const [field, value] of Object.entries(copy)) copy[field] = storable(value);
  return {
    ...(copy as SpendLogInput),
    tags: log.tags?.map(storable),
    metadata: log.metadata == null ? log.metadata : JSON.parse(postgresSafeJson(JSON.stringify(log.metadata))),
  };
}

/**
 * Inserts the logs (already in lock order) and returns what the roll-ups and counters need of the rows really
 * inserted: the input's fields, with the cost as Postgres stored it (numeric(24, 10), exact decimal text).
 */
export async function insertSpendLogs(tx: Database, logs: readonly SpendLogInput[]): Promise<CountedSpend[]> {
  let json = JSON.stringify(logs.map(spendLogRow));
  // Any \u escape (rare: control characters, NUL, unpaired surrogates) takes the slow, careful path.
  if (json.includes('\\u')) {
    logs = logs.map(storableLog);
    json = JSON.stringify(logs.map(spendLogRow));
  }
  const result = await tx.execute(sql`${insertStatement}${json}${insertTail}`);
  const stored = new Map<string, string>();
  for (const row of rowsOf<{ request_id: string; cost: string }>(result)) stored.set(row.request_id, row.cost);
  const inserted: CountedSpend[] = [];
  for (const log of logs) {
    const cost = stored.get(log.requestId);
    // A request id twice in one batch is inserted once: the first row, which alone is counted.
    if (cost === undefined) continue;
    stored.delete(log.requestId);
    inserted.push(countedOf(log, cost));
  }
  return inserted;
}

function countedOf(log: SpendLogInput, cost: string): CountedSpend {
  return {
    keyHash: log.keyHash ?? null,
    userId: log.userId ?? null,
    teamId: log.teamId ?? null,
    organisationId: log.organisationId ?? null,
    endUserId: log.endUserId ?? null,
    modelGroup: log.modelGroup,
    provider: log.provider ?? '',
    promptTokens: log.promptTokens ?? 0,
    completionTokens: log.completionTokens ?? 0,
    cachedTokens: log.cachedTokens ?? 0,
    reasoningTokens: log.reasoningTokens ?? 0,
    cost,
    status: log.status,
    cacheHit: log.cacheHit ?? false,
    tags: log.tags ?? [],
    startedAt: log.startedAt,
  };
}
