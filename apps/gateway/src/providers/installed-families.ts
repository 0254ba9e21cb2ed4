import type { ProviderFamily } from '@switchyard/core';

/**
 * The provider families this build of the gateway ships with. A deployment whose provider no family here serves
 * is reported at start-up and skipped.
 */
export function installedFamilies(): ProviderFamily[] {
  return [];
}
