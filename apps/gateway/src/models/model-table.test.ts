import { describe, expect, it } from 'vitest';
import { fakeFamily } from '../test-support/fake-family.js';
import type { Deployment } from './deployment.js';
import { inferProvider } from './infer-provider.js';
import { ModelTable, upstreamModelFor } from './model-table.js';

const provider = fakeFamily(['openai']).create({ provider: 'openai' });

function deployment(modelGroup: string, upstreamModel: string): Deployment {
  return { id: modelGroup, modelGroup, providerId: 'openai', provider, upstreamModel, timeoutMs: 1, streamTimeoutMs: 1, defaults: undefined };
}

describe('ModelTable', () => {
  const table = new ModelTable([
    deployment('gpt-4o', 'gpt-4o-2024'),
    deployment('gpt-4o', 'gpt-4o-backup'),
    deployment('*', '*'),
    deployment('openai/*', '*'),
    deployment('team-*-fast', 'fast-*'),
  ]);

  it('groups deployments by model name', () => {
    const resolved = table.resolve('gpt-4o');
    expect(resolved?.group.deployments.map((d) => d.upstreamModel)).toEqual(['gpt-4o-2024', 'gpt-4o-backup']);
    expect(resolved?.captures).toBeUndefined();
  });

  it('prefers the most specific wildcard and fills the upstream model from the match', () => {
    const openai = table.resolve('openai/gpt-4.1-mini');
    expect(openai?.group.name).toBe('openai/*');
    expect(upstreamModelFor(openai!.group.deployments[0]!, openai!.captures)).toBe('gpt-4.1-mini');
    const team = table.resolve('team-blue-fast');
    expect(team?.group.name).toBe('team-*-fast');
    expect(upstreamModelFor(team!.group.deployments[0]!, team!.captures)).toBe('fast-blue');
    const any = table.resolve('mistral-large');
    expect(any?.group.name).toBe('*');
    expect(upstreamModelFor(any!.group.deployments[0]!, any!.captures)).toBe('mistral-large');
  });

  it('treats regex characters in names literally', () => {
    const dotted = new ModelTable([deployment('a.b/*', '*')]);
    expect(dotted.resolve('axb/c')).toBeUndefined();
    expect(dotted.resolve('a.b/c')?.group.name).toBe('a.b/*');
  });

  it('lists only the names a client can send as they are', () => {
    expect(table.publicModelNames()).toEqual(['gpt-4o']);
    expect(new ModelTable([]).resolve('x')).toBeUndefined();
  });
});

describe('inferProvider', () => {
  it('reads the provider prefix, custom_llm_provider and bare OpenAI or Anthropic names', () => {
    expect(inferProvider('openai/gpt-4o')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(inferProvider('bedrock/us.anthropic.claude-3-5-sonnet-20240620-v1:0')).toEqual({ provider: 'bedrock', model: 'us.anthropic.claude-3-5-sonnet-20240620-v1:0' });
    expect(inferProvider('gpt-3.5-turbo')).toEqual({ provider: 'openai', model: 'gpt-3.5-turbo' });
    expect(inferProvider('o3-mini')).toEqual({ provider: 'openai', model: 'o3-mini' });
    expect(inferProvider('text-embedding-3-small')).toEqual({ provider: 'openai', model: 'text-embedding-3-small' });
    expect(inferProvider('claude-3-opus')).toEqual({ provider: 'anthropic', model: 'claude-3-opus' });
    expect(inferProvider('meta-llama/Llama-3', 'hosted_vllm')).toEqual({ provider: 'hosted_vllm', model: 'meta-llama/Llama-3' });
    expect(inferProvider('groq/llama3', 'groq')).toEqual({ provider: 'groq', model: 'llama3' });
    expect(inferProvider('zephyr')).toBeUndefined();
  });
});
