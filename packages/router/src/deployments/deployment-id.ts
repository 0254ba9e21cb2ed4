import { createHash } from 'node:crypto';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = stable((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * A deployment's id when model_info.id is not set: a hash of its group and params, so every instance loading the
 * same config names the deployment alike (shared Redis state is keyed by it) without exposing a key in clear.
 */
export function deploymentId(modelName: string, params: Record<string, unknown>): string {
  const text = JSON.stringify(stable({ model_name: modelName, litellm_params: params }));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
