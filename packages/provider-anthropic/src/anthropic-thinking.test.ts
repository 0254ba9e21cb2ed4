import type { ReasoningEffort } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useUpstreamCapture, userRequest } from './anthropic-capture.test-utils.js';

const upstream = useUpstreamCapture();

describe('reasoning_effort', () => {
  it.each([
    ['minimal', 'low'],
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['xhigh', 'xhigh'],
    ['max', 'max'],
  ] as const)('is adaptive thinking with effort %s → %s on the newest models', async (effort, expected) => {
    const { body } = await upstream.send(userRequest('claude-opus-5', { reasoning_effort: effort }));
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.output_config).toEqual({ effort: expected });
    expect(body.max_tokens).toBe(4096);
  });

  it('uses max for xhigh on adaptive models without the xhigh level', async () => {
    const { body } = await upstream.send(userRequest('claude-opus-4-6', { reasoning_effort: 'xhigh' }));
    expect(body.output_config).toEqual({ effort: 'max' });
  });

  it.each([
    ['minimal', 1024],
    ['low', 1024],
    ['medium', 2048],
    ['high', 4096],
    ['xhigh', 8192],
    ['max', 16384],
  ] as const)('is a thinking budget on older thinking models: %s → %d tokens, added to the default max_tokens', async (effort, budget) => {
    const { body } = await upstream.send(userRequest('claude-sonnet-4-5-20250929', { reasoning_effort: effort }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
    expect(body.output_config).toBeUndefined();
    expect(body.max_tokens).toBe(4096 + budget);
  });

  it('disables thinking for none on thinking models and sends nothing on others', async () => {
    const thinking = await upstream.send(userRequest('claude-opus-5', { reasoning_effort: 'none' }));
    expect(thinking.body.thinking).toEqual({ type: 'disabled' });
    expect(thinking.body.output_config).toBeUndefined();
    const older = await upstream.send(userRequest('claude-3-5-haiku-20241022', { reasoning_effort: 'none' }));
    expect(older.body.thinking).toBeUndefined();
  });

  it('refuses reasoning on a model without thinking, or leaves it out with dropParams', async () => {
    const request = userRequest('claude-3-5-haiku-20241022', { reasoning_effort: 'high' as ReasoningEffort });
    const error = await upstream.refuse(request);
    expect(error.param).toBe('reasoning_effort');
    const { body } = await upstream.send(request, { dropParams: true });
    expect(body.thinking).toBeUndefined();
  });
});

describe('thinking (Anthropic style)', () => {
  it('passes an enabled thinking configuration through and adds its budget to the default max_tokens', async () => {
    const { body } = await upstream.send(userRequest('claude-sonnet-4-5-20250929', { thinking: { type: 'enabled', budget_tokens: 3000 } }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 3000 });
    expect(body.max_tokens).toBe(7096);
  });

  it('wins over reasoning_effort, which still sets the effort of adaptive thinking', async () => {
    const { body } = await upstream.send(
      userRequest('claude-opus-4-6', { thinking: { type: 'adaptive', display: 'summarized' }, reasoning_effort: 'low' }),
    );
    expect(body.thinking).toEqual({ type: 'adaptive', display: 'summarized' });
    expect(body.output_config).toEqual({ effort: 'low' });
  });

  it.each([
    [{ type: 'enabled' as const }, 'thinking.budget_tokens is required when thinking.type is "enabled".', 'thinking.budget_tokens'],
    [{ type: 'enabled' as const, budget_tokens: 500 }, 'thinking.budget_tokens must be at least 1024.', 'thinking.budget_tokens'],
  ])('refuses %j', async (thinking, message, param) => {
    const error = await upstream.refuse(userRequest('claude-sonnet-4-5-20250929', { thinking }));
    expect(error.message).toBe(message);
    expect(error.param).toBe(param);
  });

  it('refuses adaptive thinking on a model that only has budgets', async () => {
    const error = await upstream.refuse(userRequest('claude-sonnet-4-5-20250929', { thinking: { type: 'adaptive' } }));
    expect(error.param).toBe('thinking.type');
  });
});

describe('max_tokens', () => {
  it('is required upstream: the default is sent when the request sets none', async () => {
    const { body } = await upstream.send(userRequest('claude-sonnet-4-5-20250929'));
    expect(body.max_tokens).toBe(4096);
    const configured = await upstream.send(userRequest('claude-sonnet-4-5-20250929'), { options: { defaultMaxTokens: 1000 } });
    expect(configured.body.max_tokens).toBe(1000);
  });

  it('takes max_completion_tokens over max_tokens and sends it unchanged', async () => {
    const { body } = await upstream.send(userRequest('claude-sonnet-4-5-20250929', { max_tokens: 100, max_completion_tokens: 200 }));
    expect(body.max_tokens).toBe(200);
  });

  it('refuses an explicit maximum that leaves no room for the thinking budget', async () => {
    const error = await upstream.refuse(
      userRequest('claude-sonnet-4-5-20250929', { max_completion_tokens: 2048, reasoning_effort: 'medium' }),
    );
    expect(error.message).toBe('max_completion_tokens (2048) must be greater than the thinking budget (2048 tokens).');
    expect(error.param).toBe('max_completion_tokens');
  });

  it('keeps a default plus budget within the model output limit', async () => {
    const { body } = await upstream.send(
      userRequest('claude-sonnet-4-5-20250929', { reasoning_effort: 'max' }),
      { options: { defaultMaxTokens: 60_000 } },
    );
    expect(body.max_tokens).toBe(64_000);
  });
});
