import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import { expect } from 'vitest';
import { rowsOf } from '../database.js';
import { dailySpend, virtualKeys } from '../schema/index.js';
import type { Store } from '../store.js';
import type { StoreCase } from '../testing/index.js';
import { findKeyAuthContext, keyAuthContextSelect } from './key-auth-context.js';
import { spendLogSelect, type SpendLogQuery } from './spend-log-query.js';
import { dailyRange } from './spend-report.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(walk)];
}

async function scans(store: Store, query: SQLWrapper, relation: string) {
  const [row] = rowsOf<Record<string, unknown>>(await store.db.execute(sql`explain (format json) ${query}`));
  const value = row?.['QUERY PLAN'];
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as Array<{ Plan: PlanNode }>;
  const nodes = walk(plan[0]?.Plan as PlanNode);
  // A Bitmap Index Scan names its index but not its table; our index names start with the table's.
  const indexes = nodes.map((node) => node['Index Name']).filter((name) => name?.startsWith(relation) === true);
  const types = nodes.filter((node) => node['Relation Name'] === relation).map((node) => node['Node Type']);
  return { indexes, types };
}

/** 20,000 spend logs in 2020 over 1,000 keys, 100 teams, 500 users, 100 models, 2% failures, 0.1% tagged "rare". */
async function seedSpendLogs(store: Store): Promise<void> {
  await store.db.execute(sql`
    insert into spend_logs (request_id, key_hash, team_id, user_id, end_user_id, model_group, provider, cost, latency_ms,
                            status, tags, started_at, ended_at)
    select 'seed-' || n, 'seed-key-' || (n % 1000), 'seed-team-' || (n % 100), 'seed-user-' || (n % 500),
           'seed-customer-' || (n % 2000), 'seed-model-' || (n % 100), 'openai', 0.001, 100,
           case when n % 50 = 0 then 'failure' else 'success' end,
           case when n % 1000 = 7 then array['rare'] else array['common'] end,
           timestamp with time zone '2020-01-01' + n * interval '1 minute',
           timestamp with time zone '2020-01-01' + n * interval '1 minute' + interval '1 second'
    from generate_series(1, 20000) as n`);
  await store.db.execute(sql`
    insert into daily_spend (day, scope, scope_id, model_group, provider, requests, cost)
    select date '2020-01-01' + (n % 365), 'key', 'seed-key-' || (n / 365), 'gpt-4o', 'openai', 1, 0.01
    from generate_series(0, 36499) as n`);
  await store.db.execute(sql`
    insert into virtual_keys (id, key_hash, key_hint)
    select 'seed-key-record-' || n, 'seed-key-hash-' || n, 'sk-…seed' from generate_series(1, 5000) as n`);
  await store.db.execute(sql`analyze spend_logs`);
  await store.db.execute(sql`analyze daily_spend`);
  await store.db.execute(sql`analyze virtual_keys`);
}

const filters: Array<[string, SpendLogQuery, string]> = [
  ['request', { requestId: 'seed-42' }, 'spend_logs_pkey'],
  ['key', { keyHash: 'seed-key-42' }, 'spend_logs_key_hash_started_at_idx'],
  ['team', { teamId: 'seed-team-7' }, 'spend_logs_team_id_started_at_idx'],
  ['user', { userId: 'seed-user-9' }, 'spend_logs_user_id_started_at_idx'],
  ['end user', { endUserId: 'seed-customer-3' }, 'spend_logs_end_user_id_started_at_idx'],
  ['model', { modelGroup: 'seed-model-3' }, 'spend_logs_model_group_started_at_idx'],
  ['status', { status: 'failure' }, 'spend_logs_status_started_at_idx'],
  ['tag', { tag: 'rare' }, 'spend_logs_tags_idx'],
  ['time range', { from: new Date('2020-01-05T00:00:00Z'), to: new Date('2020-01-05T06:00:00Z') }, 'spend_logs_started_at_idx'],
];

export const indexCases: StoreCase[] = [
  {
    name: 'has the indexes the API and admin queries rely on',
    async run(store) {
      const rows = rowsOf<{ indexname: string }>(
        await store.db.execute(sql`select indexname from pg_indexes where schemaname = 'public' order by indexname`),
      );
      const names = rows.map((row) => row.indexname);
      for (const [, , index] of filters) expect(names).toContain(index);
      for (const index of ['virtual_keys_key_hash_key', 'daily_spend_scope_entity_day_key', 'daily_spend_scope_day_idx', 'spend_logs_pkey']) {
        expect(names).toContain(index);
      }
    },
  },
  {
    name: 'serves every spend-log filter, the key lookup and the reports from an index, never a sequential scan',
    async run(store) {
      await seedSpendLogs(store);
      for (const [name, query, index] of filters) {
        const plan = await scans(store, spendLogSelect(store.db, query, 100), 'spend_logs');
        expect({ name, indexes: plan.indexes }).toEqual({ name, indexes: expect.arrayContaining([index]) });
        expect({ name, types: plan.types }).toEqual({ name, types: expect.not.arrayContaining(['Seq Scan']) });
      }
      const byHash = store.db.select().from(virtualKeys).where(eq(virtualKeys.keyHash, 'seed-key-hash-77'));
      expect((await scans(store, byHash, 'virtual_keys')).indexes).toEqual(['virtual_keys_key_hash_key']);
      const context = await findKeyAuthContext(store.db, 'seed-key-hash-77');
      expect(context?.key.id).toBe('seed-key-record-77');
      const authPlan = await scans(store, keyAuthContextSelect(store.db, 'seed-key-hash-77'), 'virtual_keys');
      expect(authPlan.indexes).toEqual(['virtual_keys_key_hash_key']);
      expect(authPlan.types).not.toContain('Seq Scan');
      const report = store.db.select().from(dailySpend).where(dailyRange('key', '2020-02-01', '2020-02-28', [eq(dailySpend.scopeId, 'seed-key-5')]));
      expect((await scans(store, report, 'daily_spend')).types).not.toContain('Seq Scan');
      const top = store.db.select().from(dailySpend).where(dailyRange('key', '2020-03-01', '2020-03-02'));
      expect((await scans(store, top, 'daily_spend')).indexes.length).toBeGreaterThan(0);
    },
  },
];
