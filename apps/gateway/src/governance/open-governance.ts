import {
  createKeyAuthenticator,
  createLimiter,
  createMemoryCounters,
  createRedisCounters,
  createSpendBuffer,
  type Limiter,
} from '@switchyard/governance';
import { DEFAULT_DATA_DIR, openStore } from '@switchyard/store';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { Logger } from '../observability/logger.js';
import { withFallback } from './fallback-limiter.js';
import { governanceMasterKey, nonEmpty, type GovernanceEnvironment } from './governance-env.js';
import type { GovernanceRuntime } from './governance-runtime.js';
import { softBudgetAlertsFor } from './soft-budget-config.js';
import { trackSettles } from './tracked-limiter.js';

export { governanceMasterKey, type GovernanceEnvironment } from './governance-env.js';

export interface OpenGovernanceOptions {
  config: Pick<GatewayConfig, 'masterKey' | 'databaseUrl' | 'alerting'>;
  env: GovernanceEnvironment;
  logger: Logger;
  /** How often due budgets are reset (default 60 s). */
  budgetResetIntervalMs?: number;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** A database error's name and code only: its message can name the database, host or user. */
const storeErrorFields = (error: unknown) => ({ name: errorName(error), code: (error as { code?: unknown } | undefined)?.code });

/** Logs the key store's failures at most once a minute, so a database outage is one line a minute, not one per request. */
function storeErrorReporter(logger: Logger, now: () => number = Date.now): (error: unknown) => void {
  let reportedAt = -Infinity;
  return (error) => {
    if (now() - reportedAt < 60_000) return;
    reportedAt = now();
    logger.warn({ err: storeErrorFields(error) }, 'governance database unavailable: serving cached keys, refusing others with 503');
  };
}

function flushInterval(env: GovernanceEnvironment): number {
  const value = Number(env.SWITCHYARD_SPEND_FLUSH_INTERVAL_MS ?? 1000);
  return Number.isFinite(value) && value >= 10 ? value : 1000;
}

/** Redis counters at REDIS_URL (falling back to in-process counts while Redis fails), else in-process ones. */
function limiterFor(env: GovernanceEnvironment, logger: Logger): { limiter: Limiter; kind: string } {
  const local = createLimiter(createMemoryCounters());
  const redis = nonEmpty(env.REDIS_URL);
  if (redis === undefined) return { limiter: local, kind: 'in-process' };
  const prefix = nonEmpty(env.SWITCHYARD_GOVERNANCE_REDIS_PREFIX);
  const onError = (error: Error) => logger.debug({ err: { name: error.name } }, 'governance limits: Redis connection error');
  const shared = createLimiter(createRedisCounters({ redis, onError, ...(prefix === undefined ? {} : { prefix }) }));
  const onFallback = (error: unknown) =>
    logger.warn({ err: { name: errorName(error) } }, 'governance limits: Redis unavailable, counting in this process meanwhile');
  return { limiter: withFallback(shared, local, { onFallback }), kind: 'redis' };
}

/**
 * Opens governance when a master key is configured, else resolves undefined (the open gateway: no store, no auth).
 * The store is Postgres at DATABASE_URL (or general_settings.database_url), else embedded PGlite in
 * SWITCHYARD_DATA_DIR (default `.switchyard/`); its migrations run here. Limits count in Redis at REDIS_URL (in
 * process while Redis fails), else in process. A timer resets due budgets; `close()` stops it, flushes the spend
 * logs and closes everything.
 */
export async function openGovernance(options: OpenGovernanceOptions): Promise<GovernanceRuntime | undefined> {
  const { env, logger } = options;
  const masterKey = governanceMasterKey(options.config, env);
  if (masterKey === undefined) return undefined;
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? nonEmpty(options.config.databaseUrl);
  const store = await openStore({
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    dataDir: nonEmpty(env.SWITCHYARD_DATA_DIR) ?? DEFAULT_DATA_DIR,
    masterSecret: nonEmpty(env.SWITCHYARD_MASTER_SECRET) ?? nonEmpty(env.LITELLM_SALT_KEY) ?? masterKey,
    env: {},
  });
  const { limiter: counted, kind } = limiterFor(env, logger);
  const limiter = trackSettles(counted);
  const spend = createSpendBuffer({
    record: (logs) => store.spend.record(logs),
    flushIntervalMs: flushInterval(env),
    onError: (error) => logger.warn({ err: { name: errorName(error) } }, 'spend logs not written yet (kept, retried)'),
  });
  const resetBudgets = () =>
    store.budgets.resetDue().catch((error: unknown) => logger.warn({ err: { name: errorName(error) } }, 'budget reset failed (retried)'));
  const timer = setInterval(() => void resetBudgets(), options.budgetResetIntervalMs ?? 60_000);
  timer.unref();
  void resetBudgets();
  const alerts = softBudgetAlertsFor(options.config, env, logger);
  logger.info({ store: store.backend, counters: kind }, 'governance on: virtual keys, budgets, limits and spend logs');
  let closed: Promise<void> | undefined;
  return {
    masterKey,
    store,
    auth: createKeyAuthenticator({ keys: store.keys, masterKey, onStoreError: storeErrorReporter(logger) }),
    limiter,
    spend,
    alerts,
    close() {
      closed ??= (async () => {
        clearInterval(timer);
        await alerts.idle();
        await spend.close();
        await limiter.close().catch((error: unknown) => logger.warn({ err: { name: errorName(error) } }, 'closing the limiter failed'));
        await store.close();
      })();
      return closed;
    },
  };
}
