import { describe, expect, it } from 'vitest';
import { resolveOpenAIConfig } from './openai-settings.js';

describe('resolveOpenAIConfig', () => {
  it('reads the key and base URL from the preset environment variables, first found wins', () => {
    const config = resolveOpenAIConfig({ provider: 'together_ai', env: { TOGETHER_API_KEY: 'tk-2', TOGETHER_AI_API_BASE: 'http://127.0.0.1:9/v1/' } });
    expect(config.apiKey).toBe('tk-2');
    expect(config.baseURL).toBe('http://127.0.0.1:9/v1');
    expect(config.headers).toEqual({ authorization: 'Bearer tk-2' });
    const preferred = resolveOpenAIConfig({ provider: 'together_ai', env: { TOGETHERAI_API_KEY: 'tk-1', TOGETHER_API_KEY: 'tk-2' } });
    expect(preferred.apiKey).toBe('tk-1');
    expect(preferred.baseURL).toBe('https://api.together.xyz/v1');
  });

  it('prefers explicit settings over the environment and merges configured headers', () => {
    const config = resolveOpenAIConfig({ apiKey: 'sk-explicit', baseURL: 'http://127.0.0.1:1/v1', headers: { 'openai-organization': 'org-1' }, env: { OPENAI_API_KEY: 'sk-env' } });
    expect(config.apiKey).toBe('sk-explicit');
    expect(config.headers).toEqual({ authorization: 'Bearer sk-explicit', 'openai-organization': 'org-1' });
  });

  it('names the variable to set when a required key is missing, and never a value', () => {
    expect(() => resolveOpenAIConfig({ provider: 'groq', env: { OPENAI_API_KEY: 'sk-other' } })).toThrow(
      expect.objectContaining({ kind: 'authentication', message: expect.stringContaining('GROQ_API_KEY') }),
    );
  });

  it('needs no key for local servers and sends no Authorization without one', () => {
    const config = resolveOpenAIConfig({ provider: 'ollama', env: {} });
    expect(config.baseURL).toBe('http://localhost:11434/v1');
    expect(config.headers).toEqual({});
  });

  it('requires a base URL where the preset has none', () => {
    expect(() => resolveOpenAIConfig({ provider: 'hosted_vllm', env: {} })).toThrow(
      expect.objectContaining({ kind: 'bad_request', message: expect.stringContaining('HOSTED_VLLM_API_BASE') }),
    );
    expect(() => resolveOpenAIConfig({ provider: 'openai', baseURL: 'not a url', apiKey: 'k', env: {} })).toThrow(/not a valid URL/);
    expect(resolveOpenAIConfig({ provider: 'hosted_vllm', env: { HOSTED_VLLM_API_BASE: 'http://127.0.0.1:8000/v1' } }).baseURL).toBe(
      'http://127.0.0.1:8000/v1',
    );
  });

  it('uses Azure conventions: api-key header, AZURE_* variables, api-version default', () => {
    const config = resolveOpenAIConfig({ provider: 'azure', env: { AZURE_API_KEY: 'az-1', AZURE_API_BASE: 'https://r.openai.azure.com' } });
    expect(config.headers).toEqual({ 'api-key': 'az-1' });
    expect(config.apiVersion).toBe('2024-10-21');
    const versioned = resolveOpenAIConfig({ provider: 'azure', env: { AZURE_API_KEY: 'a', AZURE_API_BASE: 'https://r.openai.azure.com', AZURE_API_VERSION: '2025-01-01-preview' } });
    expect(versioned.apiVersion).toBe('2025-01-01-preview');
  });

  it('picks the Azure AI auth header from the host', () => {
    const foundry = resolveOpenAIConfig({ provider: 'azure_ai', apiKey: 'k', baseURL: 'https://x.services.ai.azure.com/models', env: {} });
    expect(foundry.headers).toEqual({ 'api-key': 'k' });
    const serverless = resolveOpenAIConfig({ provider: 'azure_ai', apiKey: 'k', baseURL: 'https://m.eastus2.models.ai.azure.com', env: {} });
    expect(serverless.headers).toEqual({ authorization: 'Bearer k' });
  });

  it('accepts a key read from an unset environment variable and says which variable to set', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(() => resolveOpenAIConfig({ apiKey: env.OPENAI_API_KEY, env })).toThrow(
      expect.objectContaining({ kind: 'authentication', message: expect.stringContaining('OPENAI_API_KEY') }),
    );
  });

  it('rejects an unknown provider id', () => {
    expect(() => resolveOpenAIConfig({ provider: 'nope', env: {} })).toThrow(expect.objectContaining({ kind: 'bad_request' }));
  });
});
