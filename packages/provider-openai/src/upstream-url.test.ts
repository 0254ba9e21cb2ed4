import { describe, expect, it } from 'vitest';
import { resolveOpenAIConfig } from './openai-settings.js';
import { upstreamURL } from './upstream-url.js';

const azure = (baseURL: string) => resolveOpenAIConfig({ provider: 'azure', apiKey: 'k', baseURL, apiVersion: '2024-10-21', env: {} });

describe('upstreamURL', () => {
  it('appends the endpoint to an OpenAI-style base URL', () => {
    const config = resolveOpenAIConfig({ provider: 'groq', apiKey: 'k', env: {} });
    expect(upstreamURL(config, 'chat/completions', 'llama-3.3-70b-versatile')).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect(upstreamURL(config, 'embeddings', 'x')).toBe('https://api.groq.com/openai/v1/embeddings');
  });

  it('builds Azure deployment URLs with api-version, with or without a trailing /openai', () => {
    const expected = 'https://r.openai.azure.com/openai/deployments/gpt-4o%2Feu/chat/completions?api-version=2024-10-21';
    expect(upstreamURL(azure('https://r.openai.azure.com'), 'chat/completions', 'gpt-4o/eu')).toBe(expected);
    expect(upstreamURL(azure('https://r.openai.azure.com/openai/'), 'chat/completions', 'gpt-4o/eu')).toBe(expected);
    expect(upstreamURL(azure('https://r.openai.azure.com'), 'embeddings', 'emb')).toBe(
      'https://r.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21',
    );
  });

  it('uses the Azure v1 surface as an OpenAI base URL', () => {
    expect(upstreamURL(azure('https://r.openai.azure.com/openai/v1'), 'chat/completions', 'gpt-4o')).toBe(
      'https://r.openai.azure.com/openai/v1/chat/completions',
    );
  });
});
