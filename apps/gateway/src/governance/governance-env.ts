// What turns governance on, readable without loading governance (the store, Redis): main.ts and gateway.ts
// decide here whether to import open-governance.ts at all.
import type { GatewayConfig } from '../config/gateway-config.js';

/** The environment variables governance reads (all optional). */
export interface GovernanceEnvironment {
  SWITCHYARD_MASTER_KEY?: string | undefined;
  LITELLM_MASTER_KEY?: string | undefined;
  DATABASE_URL?: string | undefined;
  SWITCHYARD_DATA_DIR?: string | undefined;
  REDIS_URL?: string | undefined;
  /** Key prefix of the limiter's Redis counters (default `switchyard:gov:`); gateways sharing limits use the same. */
  SWITCHYARD_GOVERNANCE_REDIS_PREFIX?: string | undefined;
  /** Encrypts stored secrets; LiteLLM's LITELLM_SALT_KEY is read too, else the master key is used. */
  SWITCHYARD_MASTER_SECRET?: string | undefined;
  LITELLM_SALT_KEY?: string | undefined;
  /** How often queued spend logs are written, in ms (default 1000): what a kill -9 can lose at most. */
  SWITCHYARD_SPEND_FLUSH_INTERVAL_MS?: string | undefined;
  /** The soft-budget alert webhook when the config names none (LiteLLM's WEBHOOK_URL is read too). */
  SWITCHYARD_ALERT_WEBHOOK_URL?: string | undefined;
  WEBHOOK_URL?: string | undefined;
}

export const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** The master key that turns governance on: the config's, else SWITCHYARD_MASTER_KEY, else LITELLM_MASTER_KEY. */
export function governanceMasterKey(config: Pick<GatewayConfig, 'masterKey'>, env: GovernanceEnvironment): string | undefined {
  return nonEmpty(config.masterKey) ?? nonEmpty(env.SWITCHYARD_MASTER_KEY) ?? nonEmpty(env.LITELLM_MASTER_KEY);
}

