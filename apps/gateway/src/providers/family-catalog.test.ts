import type { ProviderFamily } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../config/gateway-config.js';
import { familiesFor, familyListings, type FamilyListing } from './family-catalog.js';
import { installedFamilies } from './installed-families.js';

const deployment = (model: string, custom?: string): DeploymentConfig => ({
  modelName: model,
  params: { model, ...(custom === undefined ? {} : { custom_llm_provider: custom }) },
  modelInfo: {},
  path: 'model_list[0]',
});

const names = (families: readonly ProviderFamily[]) => families.map((family) => family.name);

describe('familyListings', () => {
  it('lists every installed family in priority order, with the providers and API key variables the family has', async () => {
    const installed = installedFamilies();
    expect(familyListings.map((listing) => listing.name)).toEqual(names(installed));
    for (const [index, listing] of familyListings.entries()) {
      const family = await listing.load();
      expect(family).toBe(installed[index]);
      expect(listing.providers).toEqual(family.providers);
      for (const provider of family.providers) expect(listing.apiKeyEnv(provider)).toBe(family.apiKeyEnv(provider));
    }
  });
});

describe('familiesFor', () => {
  it('loads only the families the deployments use, in priority order', async () => {
    expect(names(await familiesFor([deployment('openai/gpt-4o-mini'), deployment('gpt-4o')]))).toEqual(['openai']);
    expect(names(await familiesFor([deployment('bedrock/anthropic.claude-3'), deployment('claude-3-5-haiku')]))).toEqual(['anthropic', 'bedrock']);
    expect(names(await familiesFor([deployment('gemini-pro', 'vertex_ai'), deployment('groq/llama-3')]))).toEqual(['openai', 'google']);
    expect(await familiesFor([])).toEqual([]);
  });

  it('loads every family when a provider cannot be told or no family serves it, so the router reports it as before', async () => {
    expect(names(await familiesFor([deployment('*')]))).toEqual(names(installedFamilies()));
    expect(names(await familiesFor([deployment('nobody-serves-this/x')]))).toEqual(names(installedFamilies()));
  });

  it('imports a family only when asked', async () => {
    const loaded: string[] = [];
    const listing = (name: string, providers: string[]): FamilyListing => ({
      name,
      providers,
      apiKeyEnv: () => undefined,
      load: () => {
        loaded.push(name);
        return Promise.resolve({ name, providers, apiKeyEnv: () => undefined, create: () => { throw new Error('unused'); } });
      },
    });
    await familiesFor([deployment('b/model')], [listing('a', ['a']), listing('b', ['b'])]);
    expect(loaded).toEqual(['b']);
  });
});
