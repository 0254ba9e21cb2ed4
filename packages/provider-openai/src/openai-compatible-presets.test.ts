import { describe, expect, it } from 'vitest';
import { openAICompatiblePresets } from './openai-compatible-presets.js';
import { openaiFamily, presetCapabilities } from './openai-provider.js';

describe('openAICompatiblePresets', () => {
  it('has one row per provider id', () => {
    const ids = openAICompatiblePresets.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['openai', 'azure', 'azure_ai', 'groq', 'deepseek', 'mistral', 'together_ai', 'fireworks_ai', 'xai', 'openrouter', 'perplexity', 'cerebras', 'deepinfra', 'ollama', 'hosted_vllm', 'lm_studio', 'nvidia_nim', 'sambanova']) {
      expect(ids).toContain(id);
    }
  });

  it.each(openAICompatiblePresets.map((preset) => [preset.id, preset] as const))('%s has a usable base URL and key rule', (_id, preset) => {
    if (preset.baseURL) expect(() => new URL(preset.baseURL!)).not.toThrow();
    if (preset.baseURL) expect(preset.baseURL.endsWith('/')).toBe(false);
    if (preset.apiKeyRequired) expect(preset.apiKeyEnv?.length ?? 0).toBeGreaterThan(0);
    for (const name of [...(preset.apiKeyEnv ?? []), ...(preset.baseURLEnv ?? [])]) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('uses LiteLLM key variable names', () => {
    const keyOf = (id: string) => openaiFamily.apiKeyEnv(id);
    expect([keyOf('openai'), keyOf('azure'), keyOf('groq'), keyOf('deepseek'), keyOf('mistral'), keyOf('together_ai')]).toEqual([
      'OPENAI_API_KEY',
      'AZURE_API_KEY',
      'GROQ_API_KEY',
      'DEEPSEEK_API_KEY',
      'MISTRAL_API_KEY',
      'TOGETHERAI_API_KEY',
    ]);
    expect([keyOf('fireworks_ai'), keyOf('xai'), keyOf('openrouter'), keyOf('perplexity'), keyOf('cerebras'), keyOf('deepinfra')]).toEqual([
      'FIREWORKS_AI_API_KEY',
      'XAI_API_KEY',
      'OPENROUTER_API_KEY',
      'PERPLEXITYAI_API_KEY',
      'CEREBRAS_API_KEY',
      'DEEPINFRA_API_KEY',
    ]);
    expect(keyOf('anthropic')).toBeUndefined();
  });

  it('lists every preset in the family and marks translating presets as not pass-through', () => {
    expect(openaiFamily.providers).toEqual(openAICompatiblePresets.map((preset) => preset.id));
    const passThrough = Object.fromEntries(openAICompatiblePresets.map((preset) => [preset.id, presetCapabilities(preset).passThrough]));
    expect(passThrough).toMatchObject({ openai: true, azure: true, deepseek: true, xai: true, groq: false, openrouter: false, ollama: false });
  });
});
