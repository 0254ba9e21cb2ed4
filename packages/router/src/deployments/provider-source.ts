import { SwitchyardError, type ChatProvider, type ProviderFamily, type ProviderSettings } from '@switchyard/core';
import type { ParsedModelListEntry } from './model-list-schema.js';

/** What the router knows when it needs a provider instance for a deployment. */
export interface DeploymentTarget {
  providerId: string;
  settings: ProviderSettings;
  entry: ParsedModelListEntry;
}

/**
 * Where provider instances come from: the ProviderFamily objects the user installed (the router never imports a
 * provider), or a function that builds or looks one up (the gateway's registry).
 */
export type ProviderSource = readonly ProviderFamily[] | ((target: DeploymentTarget) => ChatProvider);

/** Creates the provider for one deployment; a provider no family serves is a configuration error. */
export function createDeploymentProvider(source: ProviderSource, target: DeploymentTarget): ChatProvider {
  if (typeof source === 'function') return source(target);
  const family = source.find((candidate) => candidate.providers.includes(target.providerId));
  if (family === undefined) {
    const known = source.flatMap((candidate) => candidate.providers).join(', ') || 'none';
    throw new SwitchyardError(
      'bad_request',
      `Model group "${target.entry.model_name}" uses provider "${target.providerId}", which no installed provider family serves (installed: ${known}).`,
    );
  }
  return family.create(target.settings);
}
