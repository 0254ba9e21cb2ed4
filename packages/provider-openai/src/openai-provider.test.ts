import { SwitchyardError } from '@switchyard/core';
import { rejectedError, useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider.js';

describe('createOpenAI', () => {
  const server = useRecordedServer({ clearBeforeEach: true });

  it('fails only with SwitchyardErrors, even where a rewrite meets a body it cannot handle', async () => {
    // Groq's reasoning quirk rewrites each choice; a null choice would otherwise escape as a TypeError.
    server().enqueue({ body: '{"choices":[null]}' });
    const groq = createOpenAI({ provider: 'groq', apiKey: 'k', baseURL: server().origin, env: {} });
    const error = await rejectedError(() => groq.chat({ model: 'qwen/qwen3-32b', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
