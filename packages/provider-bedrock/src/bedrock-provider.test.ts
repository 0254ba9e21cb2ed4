import { SwitchyardError } from '@switchyard/core';
import { useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { modelFamily, modelPath, normalizeModelId } from './bedrock-model-id.js';
import { bedrockFamily, createBedrock } from './bedrock-provider.js';
import { chatRequest } from './test/recorded-bedrock.js';

const server = useRecordedServer();

describe('bedrockFamily', () => {
  it('serves the "bedrock" provider, whose API key is AWS_BEARER_TOKEN_BEDROCK', () => {
    expect(bedrockFamily.name).toBe('bedrock');
    expect(bedrockFamily.providers).toEqual(['bedrock']);
    expect(bedrockFamily.apiKeyEnv('bedrock')).toBe('AWS_BEARER_TOKEN_BEDROCK');
    expect(bedrockFamily.apiKeyEnv('openai')).toBeUndefined();
    const provider = bedrockFamily.create({ provider: 'bedrock', apiKey: 'k', baseURL: server().origin });
    expect(provider.id).toBe('bedrock');
    expect(provider.capabilities).toMatchObject({ streaming: true, embeddings: true, tools: true, passThrough: false });
  });
});

describe('createBedrock without credentials', () => {
  it('creates the provider, then fails each call with authentication before sending anything', async () => {
    server().clear();
    const provider = createBedrock({ baseURL: server().origin }, { env: {} });
    for (const call of [provider.chat(chatRequest()), provider.streamChat(chatRequest({ stream: true }))]) {
      const error = await call.then(() => undefined, (thrown: unknown) => thrown);
      expect(SwitchyardError.isInstance(error) && error.kind).toBe('authentication');
    }
    expect(server().requests).toHaveLength(0);
  });

  it('rejects option values of the wrong type at creation', () => {
    expect(() => createBedrock({ options: { image_url_max_bytes: 'big' } }, { env: {} })).toThrow(/image_url_max_bytes/);
  });
});

describe('model ids', () => {
  it('drops the converse/ route prefix only', () => {
    expect(normalizeModelId('converse/anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(normalizeModelId('amazon.nova-pro-v1:0')).toBe('amazon.nova-pro-v1:0');
  });

  it('recognises the families whose request fields differ', () => {
    expect(modelFamily('global.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe('anthropic');
    expect(modelFamily('us.amazon.nova-2-lite-v1:0')).toBe('nova');
    expect(modelFamily('openai.gpt-oss-120b-1:0')).toBe('openai');
    expect(modelFamily('meta.llama3-3-70b-instruct-v1:0')).toBe('other');
  });

  it('puts the id in one path segment', () => {
    expect(modelPath('anthropic.claude-3-haiku-20240307-v1:0', 'converse-stream')).toBe('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream');
  });
});
