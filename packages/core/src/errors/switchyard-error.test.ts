import { describe, expect, it } from 'vitest';
import { errorKinds } from './error-kind.js';
import { SwitchyardError, toSwitchyardError } from './switchyard-error.js';

describe('SwitchyardError', () => {
  it.each(Object.entries(errorKinds))('maps %s to its status and OpenAI body', (kind, info) => {
    const error = new SwitchyardError(kind as keyof typeof errorKinds, 'boom', { param: 'model' });
    expect(error.status).toBe(info.status);
    expect(error.retryable).toBe(info.retryable);
    expect(error.toOpenAIError()).toEqual({ error: { message: 'boom', type: info.type, param: 'model', code: info.code } });
  });

  it('is recognised across realms by its marker', () => {
    const error = new SwitchyardError('rate_limit', 'slow down', { retryAfterMs: 2000 });
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect(SwitchyardError.isInstance(new Error('x'))).toBe(false);
    expect(SwitchyardError.isInstance({ kind: 'rate_limit' })).toBe(false);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('hides the message of foreign errors', () => {
    const wrapped = toSwitchyardError(new Error('password=hunter2'));
    expect(wrapped.kind).toBe('internal');
    expect(wrapped.message).not.toContain('hunter2');
  });

  it('turns an AbortError into a timeout', () => {
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(toSwitchyardError(abort).kind).toBe('timeout');
  });
});
