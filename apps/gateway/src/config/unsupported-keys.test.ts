import { describe, expect, it } from 'vitest';
import { splitUnsupportedKeys, unsupportedKeysWarning } from './unsupported-keys.js';

describe('splitUnsupportedKeys', () => {
  it('keeps supported keys, folds model_list paths and does not touch the input', () => {
    const raw = {
      model_list: [{ model_name: 'a', litellm_params: { model: 'x', rpm: 1 }, tpm: 5 }, { model_name: 'b', litellm_params: { model: 'y', mock_response: 'hi' } }],
      general_settings: { master_key: 'k', database_url: 'd', store_model_in_db: true },
      router_settings: { routing_strategy: 'least-busy', fallbacks: [{ a: ['b'] }], redis_url: 'redis://r', provider_budget_config: {} },
      guardrails: [],
    };
    const split = splitUnsupportedKeys(raw);
    expect(split.unsupported).toEqual(['guardrails', 'general_settings.store_model_in_db', 'router_settings.provider_budget_config', 'model_list[].tpm', 'model_list[].litellm_params.mock_response']);
    expect(split.config).toEqual({
      model_list: [{ model_name: 'a', litellm_params: { model: 'x', rpm: 1 } }, { model_name: 'b', litellm_params: { model: 'y' } }],
      general_settings: { master_key: 'k', database_url: 'd' },
      router_settings: { routing_strategy: 'least-busy', fallbacks: [{ a: ['b'] }], redis_url: 'redis://r' },
    });
    expect(raw.general_settings.store_model_in_db).toBe(true);
  });

  it('warns only when something is ignored', () => {
    expect(unsupportedKeysWarning('f.yaml', [])).toBeUndefined();
    expect(unsupportedKeysWarning('f.yaml', ['a', 'b.c'])).toBe('f.yaml: these keys are not supported by Switchyard yet and are ignored: a, b.c');
  });
});
