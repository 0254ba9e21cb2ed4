import type { KeyAuthenticator, Limiter, SpendBuffer } from '@switchyard/governance';
import type { Store } from '@switchyard/store';
import type { SoftBudgetAlerts } from './soft-budget-alerts.js';

/**
 * What the gateway holds while governance is on (a master key is configured): the store, the key authenticator,
 * the limiter and the spend buffer. Routes and management handlers share this one runtime.
 */
export interface GovernanceRuntime {
  masterKey: string;
  store: Store;
  /** `auth.authenticate(presentedKey)` -> Principal; `auth.invalidate()` after management writes. */
  auth: KeyAuthenticator;
  limiter: Limiter;
  /** `spend.add(log)` queues a spend log (a `SpendLogInput` of @switchyard/store) off the request path. */
  spend: SpendBuffer;
  /** Soft-budget alerts (log, metric, webhook); absent in runtimes built without them (tests). */
  alerts?: SoftBudgetAlerts | undefined;
  /** Stops the budget-reset timer, flushes the spend logs, then closes Redis and the store. */
  close(): Promise<void>;
}
