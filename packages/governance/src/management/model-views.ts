import type { ModelDeployment } from '@switchyard/store';
import type { ConfiguredDeployments } from './management-deps.js';
import { publicParams } from './model-params.js';

type ConfiguredDeployment = ConfiguredDeployments['deployments'][number];

/** The router's live view of a deployment; null when the router does not expose its state. */
export function healthOf(router: ConfiguredDeployments, slot: number, now: number) {
  const view = router.state?.view;
  if (view === undefined) return null;
  const until = view.cooldownUntil(slot);
  return {
    status: until > now ? 'cooldown' : 'healthy',
    cooldown_until: until > now ? new Date(until).toISOString() : null,
    in_flight: view.inFlight(slot),
    requests_this_minute: view.requestsThisMinute(slot, now),
    failures_this_minute: view.failuresThisMinute(slot, now),
  };
}

/** A deployment from the config file, LiteLLM's /model/info entry; secrets appear only by name. */
export function configuredModelView(router: ConfiguredDeployments, deployment: ConfiguredDeployment, now: number) {
  const { params, secretNames } = publicParams(deployment.params);
  const health = healthOf(router, deployment.slot, now);
  return {
    model_name: deployment.modelGroup,
    litellm_params: params,
    model_info: {
      ...deployment.info,
      id: deployment.id,
      db_model: false,
      secret_fields: secretNames,
      health,
      health_status: health?.status ?? null,
      cooldown_until: health?.cooldown_until ?? null,
    },
  };
}

/**
 * A stored deployment, LiteLLM's /model/info entry; secrets appear only by name. `health` is the router's when the
 * gateway loaded it at start (stored deployments join the router then), else null.
 */
export function storedModelView(row: ModelDeployment, health: ReturnType<typeof healthOf> = null) {
  const routing = { rpm: row.rpm, tpm: row.tpm, weight: row.weight, order: row.order };
  const extra = Object.fromEntries(Object.entries(routing).filter(([, value]) => value !== null));
  return {
    model_name: row.modelGroup,
    litellm_params: {
      ...publicParams(row.params).params,
      model: `${row.provider}/${row.model}`,
      ...(row.apiBase === null ? {} : { api_base: row.apiBase }),
      ...extra,
    },
    model_info: {
      ...row.modelInfo,
      id: row.id,
      db_model: true,
      enabled: row.enabled,
      secret_fields: row.secretNames,
      health,
      health_status: health?.status ?? null,
      cooldown_until: health?.cooldown_until ?? null,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    },
  };
}
