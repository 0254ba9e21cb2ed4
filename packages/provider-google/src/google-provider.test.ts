import { caughtError } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createGemini, googleCapabilities, googleFamily } from './google-provider.js';

const thrown = caughtError;

describe('googleFamily', () => {
  it('serves gemini and vertex_ai, with GEMINI_API_KEY for gemini only', () => {
    expect(googleFamily.providers).toEqual(['gemini', 'vertex_ai']);
    expect(googleFamily.apiKeyEnv('gemini')).toBe('GEMINI_API_KEY');
    expect(googleFamily.apiKeyEnv('vertex_ai')).toBeUndefined();
  });

  it('creates a Gemini or a Vertex provider by provider id', () => {
    expect(googleFamily.create({ provider: 'gemini', apiKey: 'k' }).id).toBe('gemini');
    const vertex = googleFamily.create({ provider: 'vertex_ai', options: { vertex_project: 'p', vertex_access_token: 't' } });
    expect(vertex.id).toBe('vertex_ai');
    expect(vertex.capabilities).toEqual(googleCapabilities);
  });
});

describe('createGemini', () => {
  it('reads the key from GEMINI_API_KEY, then GOOGLE_API_KEY', () => {
    expect(() => createGemini({ env: { GEMINI_API_KEY: 'a' } })).not.toThrow();
    expect(() => createGemini({ env: { GOOGLE_API_KEY: 'b' } })).not.toThrow();
  });

  it('names the variable to set when no key is given', () => {
    const error = thrown(() => createGemini({ env: {} }));
    expect(error.kind).toBe('authentication');
    expect(error.message).toContain('GEMINI_API_KEY');
  });
});
