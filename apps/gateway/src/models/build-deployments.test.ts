import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/load-config.js';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { fakeFamily } from '../test-support/fake-family.js';
import { buildDeployments } from './build-deployments.js';

const yaml = `
litellm_settings: {drop_params: true, request_timeout: 100}
model_list:
  - model_name: main
    litellm_params:
      model: openai/gpt-4o
      api_key: sk-secret
      api_base: http://127.0.0.1:1/v1
      api_version: "2024-10-21"
      timeout: 5
      stream_timeout: 2
      temperature: 0.1
      aws_region_name: us-east-1
      extra_headers: {x-team: blue}
    model_info: {id: dep-1}
  - model_name: bare
    litellm_params: {model: gpt-3.5-turbo}
  - model_name: elsewhere
    litellm_params: {model: sagemaker/llama}
  - model_name: unknown
    litellm_params: {model: zephyr}
  - model_name: broken
    litellm_params: {model: openai/refuse}
`;

describe('buildDeployments', () => {
  const family = fakeFamily(['openai']);
  const create = family.create.bind(family);
  family.create = (settings) => {
    if (settings.baseURL === undefined && settings.apiKey === undefined && family.created.length >= 2) {
      throw new SwitchyardError('authentication', 'OpenAI API key is missing. Set OPENAI_API_KEY.');
    }
    return create(settings);
  };
  const config = parseConfigText(yaml, 'test.yaml', {});
  const built = buildDeployments(config, new ProviderRegistry([family]));

  it('creates one provider per deployment with normalised settings', () => {
    expect(built.deployments.map((d) => d.modelGroup)).toEqual(['main', 'bare']);
    expect(family.created[0]).toEqual({
      provider: 'openai',
      apiKey: 'sk-secret',
      baseURL: 'http://127.0.0.1:1/v1',
      apiVersion: '2024-10-21',
      headers: { 'x-team': 'blue' },
      timeoutMs: 5000,
      dropParams: true,
      options: { aws_region_name: 'us-east-1' },
    });
    const main = built.deployments[0]!;
    expect(main.id).toBe('dep-1');
    expect(main.upstreamModel).toBe('gpt-4o');
    expect(main.timeoutMs).toBe(5000);
    expect(main.streamTimeoutMs).toBe(2000);
    expect(main.defaults).toEqual({ temperature: 0.1 });
    const bare = built.deployments[1]!;
    expect(bare.id).toBe('bare#1');
    expect(bare.timeoutMs).toBe(100_000);
    expect(bare.defaults).toBeUndefined();
  });

  it('skips what it cannot serve with one warning each, naming the fix and no secret', () => {
    expect(built.warnings).toHaveLength(3);
    expect(built.warnings[0]).toContain('model_list[2] (model_name "elsewhere"): no installed provider family serves "sagemaker" (installed: openai)');
    expect(built.warnings[1]).toContain('write litellm_params.model as "<provider>/zephyr"');
    expect(built.warnings[2]).toContain('OpenAI API key is missing');
    expect(built.warnings.join('\n')).not.toContain('sk-secret');
  });
});
