import type { ProviderFamily } from '@switchyard/core';
import { openaiFamily } from '@switchyard/provider-openai';
import { providerIdOf } from '@switchyard/router';
import type { DeploymentConfig } from '../config/gateway-config.js';

/**
 * What the gateway knows about an installed provider family before loading it: the provider ids it serves and their
 * API key variables (enough for the default config), and how to import it. The OpenAI family serves most provider
 * ids and the demo model, so it is always loaded; the others (Bedrock's AWS libraries alone are ~7 MB of RSS) are
 * imported at start-up only when a deployment uses them. `family-catalog.test.ts` checks these lists against the
 * families themselves.
 */
export interface FamilyListing extends Pick<ProviderFamily, 'name' | 'providers' | 'apiKeyEnv'> {
  load(): Promise<ProviderFamily>;
}

const keyVariables = (table: Readonly<Record<string, string>>) => (provider: string) => table[provider];

/** Every installed family, in priority order (the first family that serves a provider id wins), as installedFamilies(). */
export const familyListings: readonly FamilyListing[] = [
  {
    name: openaiFamily.name,
    providers: openaiFamily.providers,
    apiKeyEnv: openaiFamily.apiKeyEnv,
    load: () => Promise.resolve(openaiFamily),
  },
  {
    name: 'anthropic',
    providers: ['anthropic'],
    apiKeyEnv: keyVariables({ anthropic: 'ANTHROPIC_API_KEY' }),
    load: async () => (await import('@switchyard/provider-anthropic')).anthropicFamily,
  },
  {
    name: 'google',
    providers: ['gemini', 'vertex_ai'],
    apiKeyEnv: keyVariables({ gemini: 'GEMINI_API_KEY' }),
    load: async () => (await import('@switchyard/provider-google')).googleFamily,
  },
  {
    name: 'bedrock',
    providers: ['bedrock'],
    apiKeyEnv: keyVariables({ bedrock: 'AWS_BEARER_TOKEN_BEDROCK' }),
    load: async () => (await import('@switchyard/provider-bedrock')).bedrockFamily,
  },
];

/**
 * Loads the families the deployments use, in priority order. A deployment whose provider cannot be told, or that no
 * family serves, loads them all, so the router reports it exactly as before (with every installed family named).
 */
export async function familiesFor(deployments: readonly DeploymentConfig[], listings: readonly FamilyListing[] = familyListings): Promise<ProviderFamily[]> {
  const wanted = new Set<FamilyListing>();
  for (const deployment of deployments) {
    const id = providerIdOf(deployment.params);
    const listing = id === undefined ? undefined : listings.find((candidate) => candidate.providers.includes(id));
    if (listing === undefined) return Promise.all(listings.map((each) => each.load()));
    wanted.add(listing);
  }
  return Promise.all(listings.filter((listing) => wanted.has(listing)).map((listing) => listing.load()));
}
