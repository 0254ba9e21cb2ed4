import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { caughtError, rejectedError } from './caught-error.js';
import { useRecordedServer } from './use-recorded-server.js';
import { SwitchyardError } from '@switchyard/core';

describe('useRecordedServer', () => {
  const server = useRecordedServer({ clearBeforeEach: true });

  it('runs a server for the block', async () => {
    server().enqueue({ body: '{"a":1}' });
    const response = await request(`${server().origin}/x`);
    expect(await response.body.json()).toEqual({ a: 1 });
    expect(server().requests).toHaveLength(1);
  });

  it('clears it before each test when asked', () => {
    expect(server().requests).toHaveLength(0);
  });
});

describe('caughtError and rejectedError', () => {
  const failure = new SwitchyardError('bad_request', 'no');

  it('return the SwitchyardError thrown or rejected', async () => {
    expect(
      caughtError(() => {
        throw failure;
      }),
    ).toBe(failure);
    expect(await rejectedError(() => Promise.reject(failure))).toBe(failure);
  });

  it('fail when nothing or something else is thrown', async () => {
    expect(() => caughtError(() => undefined)).toThrow('expected a SwitchyardError to be thrown');
    expect(() =>
      caughtError(() => {
        throw new TypeError('other');
      }),
    ).toThrow(TypeError);
    await expect(rejectedError(() => Promise.resolve(1))).rejects.toThrow('expected a SwitchyardError, got undefined');
  });
});
