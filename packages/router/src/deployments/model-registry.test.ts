import { describe, expect, it } from 'vitest';
import { FakeProviders } from '../testing/fake-providers.js';
import { buildDeployments } from './build-deployments.js';
import { ModelRegistry } from './model-registry.js';
import { fillWildcards, WildcardPattern } from './wildcard-pattern.js';

function registry(groups: string[], aliases: Record<string, { model: string; hidden: boolean }> = {}): ModelRegistry {
  const fakes = new FakeProviders();
  const list = groups.map((group, index) => ({ model_name: group, litellm_params: { model: 'openai/*', api_base: `d${index}` } }));
  return new ModelRegistry(buildDeployments(list, fakes.source, { defaultMaxParallelRequests: 0 }), new Map(Object.entries(aliases)));
}

describe('ModelRegistry', () => {
  it('resolves an exact group before any wildcard', () => {
    const models = registry(['*', 'gpt-4o']);
    expect(models.resolve('gpt-4o')?.group.name).toBe('gpt-4o');
    expect(models.resolve('gpt-4o')?.captures).toEqual([]);
  });

  it('prefers the most specific wildcard and captures what "*" matched', () => {
    const models = registry(['*', 'anthropic/*', 'anthropic/claude-*']);
    expect(models.resolve('anthropic/claude-sonnet')).toMatchObject({ group: { name: 'anthropic/claude-*' }, captures: ['sonnet'] });
    expect(models.resolve('anthropic/other')).toMatchObject({ group: { name: 'anthropic/*' }, captures: ['other'] });
    expect(models.resolve('mistral/large')).toMatchObject({ group: { name: '*' }, captures: ['mistral/large'] });
  });

  it('returns undefined for an unknown model when there is no catch-all', () => {
    expect(registry(['anthropic/*']).resolve('openai/gpt-4o')).toBeUndefined();
  });

  it('follows aliases and lists only visible ones', () => {
    const models = registry(['gpt-4o'], { gpt4: { model: 'gpt-4o', hidden: false }, secret: { model: 'gpt-4o', hidden: true } });
    expect(models.resolve('gpt4')?.group.name).toBe('gpt-4o');
    expect(models.resolve('secret')?.group.name).toBe('gpt-4o');
    expect(models.listModels()).toEqual(['gpt-4o', 'gpt4']);
  });

  it('matches pattern characters literally', () => {
    const pattern = new WildcardPattern('fo::*:static::*');
    expect(pattern.match('fo::a.b:static::c')).toEqual(['a.b', 'c']);
    expect(new WildcardPattern('a.b*').match('axb1')).toBeUndefined();
  });
});

describe('fillWildcards', () => {
  it('fills each "*" in turn and reuses the last capture', () => {
    expect(fillWildcards('*', ['claude-x'])).toBe('claude-x');
    expect(fillWildcards('claude-*', ['sonnet'])).toBe('claude-sonnet');
    expect(fillWildcards('*-*', ['a'])).toBe('a-a');
    expect(fillWildcards('fixed', ['ignored'])).toBe('fixed');
  });
});
