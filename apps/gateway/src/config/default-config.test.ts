import type { ProviderFamily } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fakeFamily } from '../test-support/fake-family.js';
import { defaultConfig, demoModelName } from './default-config.js';

describe('defaultConfig', () => {
  const openai: ProviderFamily = { ...fakeFamily(['openai', 'groq']), apiKeyEnv: (provider) => (provider === 'openai' ? 'OPENAI_API_KEY' : 'GROQ_API_KEY') };
  const other: ProviderFamily = { ...fakeFamily(['openai', 'gemini']), apiKeyEnv: (provider) => (provider === 'gemini' ? 'GEMINI_API_KEY' : 'OTHER_OPENAI_KEY') };

  it('serves the demo model on the mock and a wildcard group per provider whose key is set', () => {
    const config = defaultConfig({ demoBaseUrl: 'http://127.0.0.1:9/v1', families: [openai, other], env: { OPENAI_API_KEY: 'sk', GEMINI_API_KEY: 'g', GROQ_API_KEY: '' } });
    expect(config.deployments.map((d) => [d.modelName, d.params.model])).toEqual([
      [demoModelName, 'openai/switchyard-demo'],
      ['openai/*', 'openai/*'],
      ['gemini/*', 'gemini/*'],
    ]);
    expect(config.deployments[0]?.params.api_base).toBe('http://127.0.0.1:9/v1');
    expect(config.masterKey).toBeUndefined();
    expect(config.maxRequestBytes).toBe(8 * 1024 * 1024);
  });

  it('has no demo model when the mock is not running', () => {
    expect(defaultConfig({ demoBaseUrl: undefined, families: [openai], env: {} }).deployments).toEqual([]);
  });
});
