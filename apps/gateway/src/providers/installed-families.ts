import type { ProviderFamily } from '@switchyard/core';
// The library API (embedding, tests) hands over every family at once; the CLI imports only the families its
// deployments use (family-catalog.ts), which is why the lint rule flags these static imports.
/* eslint-disable @nx/enforce-module-boundaries */
import { anthropicFamily } from '@switchyard/provider-anthropic';
import { bedrockFamily } from '@switchyard/provider-bedrock';
import { googleFamily } from '@switchyard/provider-google';
/* eslint-enable @nx/enforce-module-boundaries */
import { openaiFamily } from '@switchyard/provider-openai';

/**
 * The provider families this build of the gateway ships with, in priority order (the first family that serves a
 * provider id wins). A deployment whose provider no family here serves is reported at start-up and skipped.
 */
export function installedFamilies(): ProviderFamily[] {
  return [openaiFamily, anthropicFamily, googleFamily, bedrockFamily];
}
