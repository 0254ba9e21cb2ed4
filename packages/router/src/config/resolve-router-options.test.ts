import { describe, expect, it } from 'vitest';
import { resolveRouterOptions } from './resolve-router-options.js';
import { ignoredRouterSettingKeys } from './router-settings-schema.js';

describe('resolveRouterOptions', () => {
  it("fills LiteLLM's defaults", () => {
    const options = resolveRouterOptions();
    expect(options).toMatchObject({
      strategy: 'simple-shuffle',
      numRetries: 2,
      allowedFails: 3,
      cooldownMs: 5000,
      maxFallbacks: 5,
      disableCooldowns: false,
      preCallChecks: false,
    });
  });

  it('reads router_settings, with litellm_settings where router_settings is silent', () => {
    const options = resolveRouterOptions(
      { routing_strategy: 'least-busy', num_retries: 4, cooldown_time: 30, timeout: 12 },
      { num_retries: 1, allowed_fails: 7, request_timeout: 99, fallbacks: [{ a: ['b'] }] },
    );
    expect(options.strategy).toBe('least-busy');
    expect(options.numRetries).toBe(4);
    expect(options.allowedFails).toBe(7);
    expect(options.cooldownMs).toBe(30_000);
    expect(options.timeoutMs).toBe(12_000);
    expect(options.fallbacks.get('a')).toEqual(['b']);
  });

  it('accepts values that came from the environment as text', () => {
    const options = resolveRouterOptions({ num_retries: '3', enable_pre_call_checks: 'true', redis_port: '6380' });
    expect(options.numRetries).toBe(3);
    expect(options.preCallChecks).toBe(true);
  });

  it('merges fallbacks written as a list of one-key maps or as a map', () => {
    const options = resolveRouterOptions({
      fallbacks: [{ a: ['b'] }, { a: ['c', 'b'] }, { x: ['y'] }],
      context_window_fallbacks: { a: ['big'] },
    });
    expect(options.fallbacks.get('a')).toEqual(['b', 'c']);
    expect(options.fallbacks.get('x')).toEqual(['y']);
    expect(options.contextWindowFallbacks.get('a')).toEqual(['big']);
  });

  it('reads aliases as strings or as { model, hidden }', () => {
    const options = resolveRouterOptions({ model_group_alias: { gpt4: 'gpt-4o', secret: { model: 'gpt-4o', hidden: true } } });
    expect(options.aliases.get('gpt4')).toEqual({ model: 'gpt-4o', hidden: false });
    expect(options.aliases.get('secret')).toEqual({ model: 'gpt-4o', hidden: true });
  });

  it('names the offending key', () => {
    expect(() => resolveRouterOptions({ routing_strategy: 'fastest' })).toThrow(/routing_strategy/);
    expect(() => resolveRouterOptions({ num_retries: -1 })).toThrow(/num_retries/);
  });

  it('lists the keys it does not act on', () => {
    expect(ignoredRouterSettingKeys({ num_retries: 1, provider_budget_config: {}, redis_host: 'h' })).toEqual([
      'provider_budget_config',
    ]);
  });
});
