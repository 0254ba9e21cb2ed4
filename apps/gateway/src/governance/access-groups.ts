import type { Deployment } from '@switchyard/router';

/**
 * LiteLLM's model access groups: `model_info.access_groups: [beta]` on deployments makes "beta" in a key's or
 * team's `models` stand for every model group with such a deployment.
 */
export function accessGroupsOf(deployments: readonly Pick<Deployment, 'modelGroup' | 'info'>[]): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const deployment of deployments) {
    const names = (deployment.info as { access_groups?: unknown }).access_groups;
    if (!Array.isArray(names)) continue;
    for (const name of names) {
      if (typeof name !== 'string' || name === '') continue;
      const members = groups.get(name) ?? [];
      if (!members.includes(deployment.modelGroup)) members.push(deployment.modelGroup);
      groups.set(name, members);
    }
  }
  return groups;
}
