import type { ProviderFamily } from '@switchyard/core';
import { bedrockFamily } from '@switchyard/provider-bedrock';
import { googleFamily } from '@switchyard/provider-google';

/**
 * The provider families this build of the gateway ships with. A deployment whose provider no family here serves
 * is reported at start-up and skipped.
 */
export function installedFamilies(): ProviderFamily[] {
  return [googleFamily, bedrockFamily];
}
