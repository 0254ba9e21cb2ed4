import type { RouterOptions } from './config/router-options.js';
import type { Deployment } from './deployments/deployment.js';
import type { ModelRegistry } from './deployments/model-registry.js';
import type { RouterInit } from './router-init.js';

/** Deployments whose model_info sets no max_input_tokens take the price source's context window. */
export function withKnownContextWindows(deployments: Deployment[], pricing: RouterInit['pricing']): Deployment[] {
  if (pricing === undefined) return deployments;
  return deployments.map((deployment) => {
    if (deployment.maxInputTokens > 0) return deployment;
    const maxInputTokens = pricing(deployment)?.maxInputTokens;
    return maxInputTokens !== undefined && maxInputTokens > 0 ? { ...deployment, maxInputTokens } : deployment;
  });
}

/** Price per token (input + output) by slot for cost-based routing; NaN when unknown. */
export function pricePerToken(deployments: readonly Deployment[], pricing: RouterInit['pricing']): Float64Array {
  return Float64Array.from(deployments, (deployment) => {
    const price = pricing?.(deployment);
    const input = deployment.inputCostPerToken ?? price?.inputCostPerToken;
    const output = deployment.outputCostPerToken ?? price?.outputCostPerToken;
    return input === undefined && output === undefined ? Number.NaN : (input ?? 0) + (output ?? 0);
  });
}

/** Fallbacks and aliases that name no model group: they load, but never route anywhere. */
export function configurationWarnings(registry: ModelRegistry, options: RouterOptions): string[] {
  const warnings: string[] = [];
  const check = (setting: string, map: ReadonlyMap<string, readonly string[]>): void => {
    for (const [group, targets] of map) {
      for (const target of targets) {
        if (registry.resolve(target) === undefined) warnings.push(`${setting}: "${group}" falls back to "${target}", which is no model group.`);
      }
    }
  };
  check('fallbacks', options.fallbacks);
  check('context_window_fallbacks', options.contextWindowFallbacks);
  check('content_policy_fallbacks', options.contentPolicyFallbacks);
  for (const target of options.defaultFallbacks) {
    if (registry.resolve(target) === undefined) warnings.push(`default_fallbacks: "${target}" is no model group.`);
  }
  for (const [alias, target] of options.aliases) {
    if (registry.resolve(target.model) === undefined) warnings.push(`model_group_alias: "${alias}" points to "${target.model}", which is no model group.`);
  }
  return warnings;
}
