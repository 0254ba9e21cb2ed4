import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { rejectedError } from './testing/caught-error.js';
import { withSwitchyardErrors } from './with-switchyard-errors.js';

describe('withSwitchyardErrors', () => {
  it('resolves with the value of the call', async () => {
    expect(await withSwitchyardErrors(() => Promise.resolve(42))).toBe(42);
  });

  it('passes a SwitchyardError on unchanged', async () => {
    const failure = new SwitchyardError('rate_limit', 'slow down');
    expect(await rejectedError(() => withSwitchyardErrors(() => Promise.reject(failure)))).toBe(failure);
  });

  it('turns an AbortError into timeout and any other failure into internal, keeping the cause', async () => {
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect((await rejectedError(() => withSwitchyardErrors(() => Promise.reject(abort)))).kind).toBe('timeout');
    const bug = new TypeError("Cannot read properties of null (reading 'message')");
    const error = await rejectedError(() =>
      withSwitchyardErrors(() => {
        throw bug;
      }),
    );
    expect([error.kind, error.cause]).toEqual(['internal', bug]);
  });
});
