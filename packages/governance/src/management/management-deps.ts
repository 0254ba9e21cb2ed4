import type { Store } from '@switchyard/store';
import type { KeyAuthenticator } from '../auth/key-authenticator.js';

/** What the router tells about its configured deployments (structurally `Router` of @switchyard/router). */
export interface ConfiguredDeployments {
  deployments: ReadonlyArray<{
    id: string;
    slot: number;
    modelGroup: string;
    providerId: string;
    model: string;
    params: Readonly<Record<string, unknown>>;
    info: Readonly<Record<string, unknown>>;
  }>;
  state?: {
    view: {
      cooldownUntil(slot: number): number;
      inFlight(slot: number): number;
      requestsThisMinute(slot: number, now: number): number;
      failuresThisMinute(slot: number, now: number): number;
    };
  };
}

/** What every management function needs: the store, the authenticator to invalidate, and optionally the router. */
export interface ManagementDeps {
  store: Store;
  auth: Pick<KeyAuthenticator, 'invalidate'>;
  router?: ConfiguredDeployments | undefined;
  now?: () => Date;
}

export const nowOf = (deps: ManagementDeps): Date => deps.now?.() ?? new Date();
