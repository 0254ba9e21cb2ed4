import type { ModelDeploymentWithSecrets, Store } from '@switchyard/store';
import type { DeploymentConfig } from '../config/gateway-config.js';
import type { Logger } from '../observability/logger.js';

/** A deployment added through `/model/new`, as the config file would write it (secrets decrypted, in memory only). */
export function storedDeploymentConfig(row: ModelDeploymentWithSecrets): DeploymentConfig {
  const routing = { api_base: row.apiBase, rpm: row.rpm, tpm: row.tpm, weight: row.weight, order: row.order };
  const present = Object.fromEntries(Object.entries(routing).filter(([, value]) => value !== null));
  return {
    modelName: row.modelGroup,
    params: { ...row.params, ...row.secrets, ...present, model: `${row.provider}/${row.model}` },
    modelInfo: { ...row.modelInfo, id: row.id },
    path: `stored deployment ${row.id}`,
  };
}

/**
 * The enabled stored deployments, read when the gateway starts: the router cannot add deployments while it runs,
 * so a deployment added, changed or removed through the management API serves traffic from the next start.
 * When they cannot be read (the master secret changed, the database failed), the gateway starts without them.
 */
export async function loadStoredDeployments(store: Store, logger: Logger): Promise<DeploymentConfig[]> {
  const loaded: DeploymentConfig[] = [];
  try {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Store['deployments']['listWithSecrets']>> = await store.deployments.listWithSecrets({
        enabled: true,
        limit: 1000,
        ...(cursor === null ? {} : { cursor }),
      });
      loaded.push(...page.items.map(storedDeploymentConfig));
      cursor = page.nextCursor;
    } while (cursor !== null);
  } catch (error) {
    logger.warn({ err: { name: error instanceof Error ? error.name : typeof error } }, 'stored deployments not loaded; serving the config file’s only');
    return [];
  }
  if (loaded.length > 0) logger.info({ deployments: loaded.length }, 'stored deployments loaded');
  return loaded;
}
