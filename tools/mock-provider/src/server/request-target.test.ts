import { describe, expect, it } from 'vitest';
import { splitTarget } from './request-target.js';

describe('splitTarget', () => {
  it('keeps a plain path and parses the query', () => {
    expect(splitTarget('/openai/deployments/d/chat/completions?api-version=2024-10-21')).toEqual({
      path: '/openai/deployments/d/chat/completions',
      query: { 'api-version': '2024-10-21' },
    });
  });

  it('strips the /mock/<scenario>/ prefix', () => {
    expect(splitTarget('/mock/fault=429,retry_after=2/v1/chat/completions')).toEqual({
      prefix: 'fault=429,retry_after=2',
      path: '/v1/chat/completions',
      query: {},
    });
    expect(splitTarget('/mock/chunks=3')).toEqual({ prefix: 'chunks=3', path: '/', query: {} });
  });
});
