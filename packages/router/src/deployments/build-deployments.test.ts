import { SwitchyardError, type ChatProvider, type ProviderFamily, type ProviderSettings } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { FakeProvider } from '../testing/fake-provider.js';
import { FakeProviders } from '../testing/fake-providers.js';
import { buildDeployments } from './build-deployments.js';

const options = { defaultMaxParallelRequests: 0 };

describe('buildDeployments', () => {
  it('groups deployments and sorts each group by order, so groups and tiers are slot ranges', () => {
    const fakes = new FakeProviders();
    const deployments = buildDeployments(
      [
        { model_name: 'a', litellm_params: { model: 'openai/x', api_base: 'a2', order: 2 } },
        { model_name: 'b', litellm_params: { model: 'openai/x', api_base: 'b1' } },
        { model_name: 'a', litellm_params: { model: 'openai/x', api_base: 'a1', order: 1 } },
      ],
      fakes.source,
      options,
    );
    expect(deployments.map((deployment) => [deployment.slot, deployment.modelGroup, deployment.order])).toEqual([
      [0, 'a', 1],
      [1, 'a', 2],
      [2, 'b', 0],
    ]);
  });

  it('names a deployment by model_info.id, else by a hash stable across loads', () => {
    const list = [
      { model_name: 'a', litellm_params: { model: 'openai/x', api_key: 'k1' } },
      { model_name: 'a', litellm_params: { model: 'openai/x', api_key: 'k2' }, model_info: { id: 'mine' } },
    ];
    const first = buildDeployments(list, new FakeProviders().source, options);
    const second = buildDeployments(list, new FakeProviders().source, options);
    expect(first[0]?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(first[0]?.id).toBe(second[0]?.id);
    expect(first[0]?.id).not.toContain('k1');
    expect(first[1]?.id).toBe('mine');
  });

  it('reads routing params, model_info and request defaults', () => {
    const [deployment] = buildDeployments(
      [
        {
          model_name: 'a',
          litellm_params: {
            model: 'anthropic/claude-x',
            rpm: '60',
            tpm: 1000,
            weight: 2,
            tags: ['paid'],
            timeout: 3,
            stream_timeout: 1.5,
            region_name: 'eu-west-1',
            temperature: 0.2,
            max_parallel_requests: 4,
          },
          model_info: { max_input_tokens: 200, input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
        },
      ],
      new FakeProviders().source,
      options,
    );
    expect(deployment).toMatchObject({
      providerId: 'anthropic',
      upstreamModel: 'claude-x',
      rpm: 60,
      tpm: 1000,
      weight: 2,
      tags: ['paid'],
      timeoutMs: 3000,
      streamTimeoutMs: 1500,
      region: 'eu-west-1',
      maxInputTokens: 200,
      inputCostPerToken: 1e-6,
      maxParallelRequests: 4,
      requestDefaults: { temperature: 0.2 },
    });
  });

  it('creates providers through the family that serves the provider id, with normalised settings', () => {
    const seen: ProviderSettings[] = [];
    const family: ProviderFamily = {
      name: 'fake',
      providers: ['openai', 'groq'],
      apiKeyEnv: () => undefined,
      create(settings): ChatProvider {
        seen.push(settings);
        return new FakeProvider(settings.provider);
      },
    };
    const [deployment] = buildDeployments(
      [
        {
          model_name: 'fast',
          litellm_params: {
            model: 'groq/llama',
            api_key: 'k',
            api_base: 'http://127.0.0.1:1/v1',
            timeout: 2,
            extra_headers: { 'x-a': '1' },
            rpm: 5,
            aws_region_name: 'eu-west-1',
          },
        },
      ],
      [family],
      options,
    );
    expect(deployment?.provider.id).toBe('groq');
    expect(seen).toEqual([
      {
        provider: 'groq',
        apiKey: 'k',
        baseURL: 'http://127.0.0.1:1/v1',
        timeoutMs: 2000,
        headers: { 'x-a': '1' },
        options: { aws_region_name: 'eu-west-1' },
      },
    ]);
  });

  it('rejects a provider no family serves, a model without provider, and duplicate ids', () => {
    const family: ProviderFamily = { name: 'f', providers: ['openai'], apiKeyEnv: () => undefined, create: () => new FakeProvider() };
    expect(() => buildDeployments([{ model_name: 'a', litellm_params: { model: 'bedrock/x' } }], [family], options)).toThrow(
      /provider "bedrock".*installed: openai/,
    );
    expect(() => buildDeployments([{ model_name: 'a', litellm_params: { model: 'mystery-7b' } }], [family], options)).toThrow(
      /cannot tell the provider of "mystery-7b"; write litellm_params.model as "<provider>\/mystery-7b"/,
    );
    const twice = { model_name: 'a', litellm_params: { model: 'openai/x' }, model_info: { id: 'same' } };
    expect(() => buildDeployments([twice, twice], [family], options)).toThrow(/"same" is used twice/);
    expect(() => buildDeployments([{ model_name: 'a' }], [family], options)).toThrow(/model_list\[0\]/);
  });

  it("tells the provider as LiteLLM does: custom_llm_provider, prefix, then OpenAI's and Anthropic's model names", () => {
    const deployments = buildDeployments(
      [
        { model_name: 'a', litellm_params: { model: 'gpt-4o' } },
        { model_name: 'b', litellm_params: { model: 'claude-sonnet-4-5' } },
        { model_name: 'c', litellm_params: { model: 'llama-3', custom_llm_provider: 'groq' } },
        { model_name: 'd', litellm_params: { model: 'mistral/mistral-large' } },
      ],
      new FakeProviders().source,
      options,
    );
    expect(deployments.map((deployment) => [deployment.providerId, deployment.upstreamModel])).toEqual([
      ['openai', 'gpt-4o'],
      ['anthropic', 'claude-sonnet-4-5'],
      ['groq', 'llama-3'],
      ['mistral', 'mistral-large'],
    ]);
  });

  it('skips unusable entries with a warning each when asked to, naming the entry', () => {
    const family: ProviderFamily = {
      name: 'f',
      providers: ['openai', 'picky'],
      apiKeyEnv: () => undefined,
      create: (settings) => {
        if (settings.provider === 'picky') throw new SwitchyardError('authentication', 'Picky API key is missing.');
        return new FakeProvider(settings.provider);
      },
    };
    const warnings: string[] = [];
    const deployments = buildDeployments(
      [
        { model_name: 'ok', litellm_params: { model: 'openai/x' } },
        { model_name: 'keyless', litellm_params: { model: 'picky/x' } },
        { model_name: 'unknown', litellm_params: { model: 'bedrock/x' } },
        { model_name: 'broken', litellm_params: { model: 'openai/x', rpm: 'many' } },
      ],
      [family],
      { ...options, skipInvalid: true, warnings },
    );
    expect(deployments.map((deployment) => deployment.modelGroup)).toEqual(['ok']);
    expect(warnings).toEqual([
      'model_list[1] (model_name "keyless"): Picky API key is missing. Skipped.',
      expect.stringMatching(/^Model group "unknown" uses provider "bedrock".* Skipped\.$/),
      expect.stringMatching(/^model_list\[3\]\.litellm_params\.rpm: .* Skipped\.$/),
    ]);
  });
});
