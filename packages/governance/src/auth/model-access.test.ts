import { describe, expect, it } from 'vitest';
import { modelAllowed } from './model-access.js';

describe('modelAllowed', () => {
  it('allows everything with an empty list and exact names otherwise', () => {
    expect(modelAllowed('gpt-4o', [])).toBe(true);
    expect(modelAllowed('gpt-4o', ['gpt-4o'])).toBe(true);
    expect(modelAllowed('gpt-4o-mini', ['gpt-4o'])).toBe(false);
  });

  it('matches wildcards and access groups', () => {
    expect(modelAllowed('openai/gpt-4o', ['openai/*'])).toBe(true);
    expect(modelAllowed('anthropic/claude', ['openai/*'])).toBe(false);
    const groups = new Map([['beta', ['claude-sonnet', 'gemini-*']]]);
    expect(modelAllowed('claude-sonnet', ['beta'], groups)).toBe(true);
    expect(modelAllowed('gemini-pro', ['beta'], groups)).toBe(true);
    expect(modelAllowed('gpt-4o', ['beta'], groups)).toBe(false);
  });
});
