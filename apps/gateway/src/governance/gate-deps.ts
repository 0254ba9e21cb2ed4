import type { Router } from '@switchyard/router';
import type { Logger } from '../observability/logger.js';
import { accessGroupsOf } from './access-groups.js';
import { createEndUserCache } from './end-user-cache.js';
import type { GovernanceRuntime } from './governance-runtime.js';
import { PriceBook } from './price-book.js';
import type { GateDeps } from './request-gate.js';

/** The shared part of every request's gate, built once per app. */
export function createGateDeps(runtime: GovernanceRuntime, router: Pick<Router, 'deployments'>, logger: Logger): GateDeps {
  return {
    runtime,
    prices: new PriceBook(router.deployments),
    accessGroups: accessGroupsOf(router.deployments),
    endUsers: createEndUserCache(runtime.store.endUsers),
    alerts: runtime.alerts,
    logger,
  };
}
