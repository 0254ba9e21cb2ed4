import { describe, expect, it } from 'vitest';
import { resolveEnvReferences } from './resolve-env-references.js';

describe('resolveEnvReferences', () => {
  it('replaces os.environ/NAME anywhere and leaves other values alone', () => {
    const resolved = resolveEnvReferences({ a: 'os.environ/A', list: [1, 'os.environ/B', { c: 'plain' }], n: null }, { A: 'x', B: 'y' });
    expect(resolved.value).toEqual({ a: 'x', list: [1, 'y', { c: 'plain' }], n: null });
    expect(resolved.missing).toEqual([]);
  });

  it('collects every missing or empty variable with its path', () => {
    const resolved = resolveEnvReferences({ model_list: [{ litellm_params: { api_key: 'os.environ/K' } }], other: 'os.environ/E' }, { E: '' });
    expect(resolved.missing).toEqual([
      { path: 'model_list[0].litellm_params.api_key', name: 'K' },
      { path: 'other', name: 'E' },
    ]);
  });
});
