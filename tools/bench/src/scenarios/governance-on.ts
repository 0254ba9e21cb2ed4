import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions } from '@switchyard/store';
import { openAiPassthrough } from './openai-passthrough.js';
import type { Scenario, ScenarioOpenContext, ScenarioSession } from './scenario.js';

/** Turns governance on in the gateway (any master key does); the requests use a virtual key, never this one. */
export const benchMasterKey = 'sk-switchyard-bench-master-key';

/**
 * The virtual key every governed request presents: an rpm limit and a budget so the limiter and the budget check
 * run on every request, both far above what a run can reach (a refused request would be measured as an error).
 */
const keyLimits = { rpmLimit: 100_000_000, maxBudget: 1_000_000 };

async function issueKey(store: OpenStoreOptions, run: number): Promise<string> {
  const opened = await openStore(store);
  try {
    const { key } = await opened.keys.create({ keyAlias: `bench-run${run}-${randomUUID()}`, ...keyLimits });
    return key;
  } finally {
    await opened.close();
  }
}

function session(env: Record<string, string>, key: string, description: string, close: () => Promise<void>): ScenarioSession {
  return {
    gatewayEnv: { SWITCHYARD_MASTER_KEY: benchMasterKey, ...env },
    gatewayHeaders: { authorization: `Bearer ${key}` },
    description: `${description}; virtual key with rpm_limit ${keyLimits.rpmLimit} and max_budget ${keyLimits.maxBudget}`,
    close,
  };
}

/** Embedded PGlite in a fresh folder of the run (written before the gateway starts: PGlite is single-process). */
async function openPglite(context: ScenarioOpenContext): Promise<ScenarioSession> {
  const dataDir = join(context.workDir, `pglite-run${context.run}-${Date.now()}`);
  await mkdir(dataDir, { recursive: true });
  const key = await issueKey({ dataDir, env: {} }, context.run);
  return session({ SWITCHYARD_DATA_DIR: dataDir }, key, `governance on PGlite (${dataDir}), in-process limits`, () =>
    rm(dataDir, { recursive: true, force: true }),
  );
}

/** The Postgres and Redis the bench may write to: SWITCHYARD_BENCH_DATABASE_URL / _REDIS_URL, else DATABASE_URL / REDIS_URL. */
export function sharedServices(env: NodeJS.ProcessEnv = process.env): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = env['SWITCHYARD_BENCH_DATABASE_URL'] || env['DATABASE_URL'];
  const redisUrl = env['SWITCHYARD_BENCH_REDIS_URL'] || env['REDIS_URL'];
  if (!databaseUrl || !redisUrl) {
    throw new Error('set SWITCHYARD_BENCH_DATABASE_URL and SWITCHYARD_BENCH_REDIS_URL (or DATABASE_URL and REDIS_URL) to a Postgres and a Redis the bench may write to');
  }
  return { databaseUrl, redisUrl };
}

async function openShared(context: ScenarioOpenContext): Promise<ScenarioSession> {
  const { databaseUrl, redisUrl } = sharedServices();
  const key = await issueKey({ databaseUrl, env: {} }, context.run);
  // A prefix of its own per run, so the run's limits and router state never meet another's.
  const prefix = `switchyard-bench:${randomUUID()}:`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SWITCHYARD_GOVERNANCE_REDIS_PREFIX: prefix,
    SWITCHYARD_ROUTER_REDIS_PREFIX: `${prefix}router:`,
  };
  const where = `${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`;
  return session(env, key, `governance on Postgres (${where}) and Redis (${new URL(redisUrl).host}, limits and router state)`, async () => {});
}

const governed = {
  request: openAiPassthrough.request,
  gatewayConfig: openAiPassthrough.gatewayConfig,
};

/**
 * The OpenAI pass-through with governance on: the gateway authenticates a virtual key, takes a limiter lease
 * (rpm and budget), settles it and queues a spend log for every request, with the store in PGlite and the limits in
 * process. The other targets get the plain pass-through (they have no governance), so the ratios show its cost.
 */
export const governancePglite: Scenario = {
  ...governed,
  name: 'governance-pglite',
  summary: 'OpenAI pass-through with a virtual key, rate limit, budget and spend logs; store in embedded PGlite',
  cpuGoalsUs: { 'non-stream': 250, stream: 250 },
  open: openPglite,
};

/** The same with the store in Postgres and the limits (and the router's state) in Redis. */
export const governancePostgres: Scenario = {
  ...governed,
  name: 'governance-postgres',
  summary: 'OpenAI pass-through with a virtual key, rate limit, budget and spend logs; Postgres store, Redis limits',
  cpuGoalsUs: { 'non-stream': 300, stream: 300 },
  open: openShared,
};
