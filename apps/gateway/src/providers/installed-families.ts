import type { ProviderFamily } from '@switchyard/core';
import { anthropicFamily } from '@switchyard/provider-anthropic';
import { bedrockFamily } from '@switchyard/provider-bedrock';
import { googleFamily } from '@switchyard/provider-google';
import { openaiFamily } from '@switchyard/provider-openai';

/**
 * The provider families this build of the gateway ships with, in priority order (the first family that serves a
 * provider id wins). A deployment whose provider no family here serves is reported at start-up and skipped.
 */
export function installedFamilies(): ProviderFamily[] {
  return [openaiFamily, anthropicFamily, googleFamily, bedrockFamily];
}
