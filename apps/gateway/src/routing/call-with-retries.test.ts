import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { Deployment, ModelGroup } from '../models/deployment.js';
import { fakeFamily } from '../test-support/fake-family.js';
import { callWithRetries, type RetryPolicy } from './call-with-retries.js';

const provider = fakeFamily(['openai']).create({ provider: 'openai' });
const policy: RetryPolicy = { numRetries: 2, maxRetryAfterMs: 50, baseDelayMs: 1 };

function group(...ids: string[]): ModelGroup {
  const deployments: Deployment[] = ids.map((id) => ({ id, modelGroup: 'g', providerId: 'openai', provider, upstreamModel: id, timeoutMs: 1, streamTimeoutMs: 1, defaults: undefined }));
  return { name: 'g', deployments, cursor: 0 };
}

function failing(kinds: Array<SwitchyardError | string>): { tried: string[]; attempt: (d: Deployment) => Promise<string> } {
  const tried: string[] = [];
  return {
    tried,
    attempt: async (deployment) => {
      tried.push(deployment.id);
      const next = kinds.shift();
      if (next === undefined) return `ok from ${deployment.id}`;
      throw typeof next === 'string' ? new Error(next) : next;
    },
  };
}

describe('callWithRetries', () => {
  it('returns the first success without retrying', async () => {
    const { tried, attempt } = failing([]);
    const result = await callWithRetries(group('a'), policy, new AbortController().signal, attempt);
    expect(result).toMatchObject({ ok: true, value: 'ok from a', attempts: 1 });
    expect(tried).toEqual(['a']);
  });

  it('retries retryable failures over the deployments in turn', async () => {
    const { tried, attempt } = failing([new SwitchyardError('upstream_unavailable', 'down'), new SwitchyardError('rate_limit', 'slow', { retryAfterMs: 1 })]);
    const result = await callWithRetries(group('a', 'b'), policy, new AbortController().signal, attempt);
    expect(result).toMatchObject({ ok: true, value: 'ok from a', attempts: 3 });
    expect(tried).toEqual(['a', 'b', 'a']);
  });

  it('gives up after num_retries with the last error', async () => {
    const { tried, attempt } = failing(['x', 'y', 'z', 'never']);
    const result = await callWithRetries(group('a'), policy, new AbortController().signal, attempt);
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(3);
    expect(tried).toEqual(['a', 'a', 'a']);
    if (!result.ok) expect(result.error.kind).toBe('internal');
  });

  it('does not retry non-retryable kinds or a retry-after above the cap', async () => {
    const badRequest = failing([new SwitchyardError('bad_request', 'no')]);
    expect((await callWithRetries(group('a'), policy, new AbortController().signal, badRequest.attempt)).attempts).toBe(1);
    const longWait = failing([new SwitchyardError('rate_limit', 'wait', { retryAfterMs: 60_000 })]);
    const result = await callWithRetries(group('a'), policy, new AbortController().signal, longWait.attempt);
    expect(result.attempts).toBe(1);
    if (!result.ok) expect(result.error.retryAfterMs).toBe(60_000);
  });

  it('stops when the client is gone', async () => {
    const controller = new AbortController();
    const { tried, attempt } = failing([new SwitchyardError('timeout', 't'), 'x']);
    const result = callWithRetries(group('a'), { ...policy, baseDelayMs: 60_000 }, controller.signal, attempt);
    controller.abort();
    expect((await result).ok).toBe(false);
    expect(tried).toEqual(['a']);
  });

  it('starts round-robin', async () => {
    const g = group('a', 'b');
    const first = await callWithRetries(g, policy, new AbortController().signal, async (d) => d.id);
    const second = await callWithRetries(g, policy, new AbortController().signal, async (d) => d.id);
    expect([first.ok && first.value, second.ok && second.value]).toEqual(['a', 'b']);
  });
});
