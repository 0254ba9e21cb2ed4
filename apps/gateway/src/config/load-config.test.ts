import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfigFile, parseConfigText } from './load-config.js';

const fixtureDir = join(import.meta.dirname, '__fixtures__', 'litellm-configs');
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.yaml'));

/** Every `os.environ/NAME` a file mentions, given a dummy value the test can recognise. */
function envFor(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const match of text.matchAll(/os\.environ\/([A-Za-z_][A-Za-z0-9_]*)/g)) {
    // Ports are read as numbers (router_settings.redis_port); everything else is any text.
    env[match[1]!] = match[1]!.endsWith('_PORT') ? '6379' : `dummy-${match[1]!.toLowerCase()}`;
  }
  return env;
}

function countModelEntries(text: string): number {
  return text.split(/\r?\n/).filter((line) => /^\s*-\s+model_name:/.test(line)).length;
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('LiteLLM fixture configs load unchanged', () => {
  it('has all ten fixtures', () => expect(fixtures).toHaveLength(10));

  it.each(fixtures)('%s', (name) => {
    const path = join(fixtureDir, name);
    const text = readFileSync(path, 'utf8');
    const config = loadConfigFile(path, envFor(text));
    expect(config.source).toBe(path);
    expect(config.deployments).toHaveLength(countModelEntries(text));
    for (const deployment of config.deployments) {
      expect(deployment.modelName.length).toBeGreaterThan(0);
      expect(deployment.params.model.length).toBeGreaterThan(0);
    }
    expect(config.warnings.length).toBeLessThanOrEqual(1);
  });

  it('reads the settings of proxy_server_config.yaml', () => {
    const path = join(fixtureDir, 'proxy_server_config.yaml');
    const config = loadConfigFile(path, envFor(readFileSync(path, 'utf8')));
    expect(config.masterKey).toBe('sk-1234');
    expect(config.numRetries).toBe(5);
    expect(config.requestTimeoutMs).toBe(600_000);
    expect(config.dropParams).toBe(true);
    const embedding = config.deployments.find((d) => d.modelName === 'text-embedding-ada-002');
    expect(embedding?.params.api_key).toBe('dummy-openai_api_key');
    expect(embedding?.modelInfo['mode']).toBe('embedding');
    const large = config.deployments.find((d) => d.modelName === 'gpt-3.5-turbo-large');
    expect(large?.params.timeout).toBe(300);
    expect(large?.params.stream_timeout).toBe(60);
    expect(config.warnings[0]).toContain('finetune_settings');
    expect(config.warnings[0]).toContain('general_settings.pass_through_endpoints');
    expect(config.warnings[0]).not.toContain('model_list[].litellm_params.rpm');
    expect(config.deployments.filter((d) => typeof d.params['rpm'] === 'number').length).toBeGreaterThan(0);
    expect(config.routerSettings['routing_strategy']).toBe('usage-based-routing-v2');
    expect(config.routerSettings['enable_pre_call_checks']).toBe(true);
  });

  it('reads YAML 1.1 numbers with underscores and CRLF line endings (azure_config.yaml)', () => {
    const path = join(fixtureDir, 'azure_config.yaml');
    const config = loadConfigFile(path, { AZURE_API_KEY: 'k' });
    expect(config.deployments[0]?.params.stream_timeout).toBe(0.5);
    expect(config.deployments[0]?.params.api_version).toBe('2023-05-15');
    expect(config.deployments[0]?.params['tpm']).toBe(20_000);
  });

  it('sets environment_variables into the environment (load_balancer.yaml)', () => {
    const env: NodeJS.ProcessEnv = {};
    const config = loadConfigFile(join(fixtureDir, 'load_balancer.yaml'), env);
    expect(env['REDIS_HOST']).toBe('localhost');
    expect(env['REDIS_PORT']).toBe('6329');
    expect(config.dropParams).toBe(true);
    expect(config.warnings[0]).toContain('model_list[].tpm');
  });

  it('reads database_url and does not need variables that only unsupported keys reference', () => {
    const path = join(fixtureDir, 'aws_example-config.yaml');
    const env = { OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a', PROXY_MASTER_KEY: 'sk-master', DATABASE_URL: 'postgres://db/x' };
    const config = loadConfigFile(path, env);
    expect(config.masterKey).toBe('sk-master');
    expect(config.databaseUrl).toBe('postgres://db/x');
    expect(config.warnings[0]).toContain('general_settings.store_model_in_db');
    expect(config.numRetries).toBe(2);
  });
});

describe('config errors', () => {
  it('names the file, key path and variable when one is missing, never another value', () => {
    const text = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/SWITCHYARD_TEST_UNSET_KEY\n';
    const error = errorOf(() => parseConfigText(text, 'my.yaml', {}));
    expect(error.message).toContain('my.yaml');
    expect(error.message).toContain('SWITCHYARD_TEST_UNSET_KEY');
    expect(error.message).toContain('model_list[0].litellm_params.api_key');
    expect(error.message).toMatch(/Export SWITCHYARD_TEST_UNSET_KEY/);
  });

  it('reports malformed YAML with its line', () => {
    const error = errorOf(() => parseConfigText('model_list:\n  - model_name: a\n   bad: [\n', 'broken.yaml', {}));
    expect(error.message).toMatch(/^broken\.yaml: the file is not valid YAML at line \d+/);
  });

  it('rejects a top level that is not a mapping', () => {
    expect(errorOf(() => parseConfigText('- a\n- b\n', 'list.yaml', {})).message).toContain('top level must be a mapping');
  });

  it('names the key path of a wrongly typed value', () => {
    const text = 'general_settings:\n  max_request_size_mb: lots\n';
    const error = errorOf(() => parseConfigText(text, 'c.yaml', {}));
    expect(error.message).toContain('c.yaml: general_settings.max_request_size_mb:');
  });

  it('requires litellm_params.model', () => {
    const error = errorOf(() => parseConfigText('model_list:\n  - model_name: a\n    litellm_params:\n      api_key: x\n', 'c.yaml', {}));
    expect(error.message).toContain('model_list[0].litellm_params.model');
    const missing = errorOf(() => parseConfigText('model_list:\n  - model_name: a\n', 'c.yaml', {}));
    expect(missing.message).toContain('model_list[0] has no litellm_params');
  });

  it('explains a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
    expect(errorOf(() => loadConfigFile(join(dir, 'nope.yaml'), {})).message).toContain('the file does not exist');
    expect(errorOf(() => loadConfigFile(dir, {})).message).toContain('it is a directory');
  });
});

describe('settings', () => {
  it('uses the defaults: 8 MiB, 600 s, 2 retries', () => {
    const config = parseConfigText('', 'empty.yaml', {});
    expect(config.maxRequestBytes).toBe(8 * 1024 * 1024);
    expect(config.requestTimeoutMs).toBe(600_000);
    expect(config.numRetries).toBe(2);
    expect(config.masterKey).toBeUndefined();
    expect(config.deployments).toEqual([]);
    expect(config.warnings).toEqual([]);
  });

  it('reads max_request_size_mb, router num_retries over litellm num_retries, and params aliases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
    const path = join(dir, 'c.yaml');
    writeFileSync(
      path,
      [
        'general_settings: {max_request_size_mb: 1.5, master_key: os.environ/MK}',
        'litellm_settings: {num_retries: 4, request_timeout: 30}',
        'router_settings: {num_retries: 1}',
        'model_list:',
        '  - model_name: m',
        '    params: {model: openai/gpt-4o, timeout: os.environ/T}',
      ].join('\n'),
    );
    const config = loadConfigFile(path, { MK: 'sk-x', T: '12' });
    expect(config.maxRequestBytes).toBe(Math.floor(1.5 * 1024 * 1024));
    expect(config.numRetries).toBe(1);
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.deployments[0]?.params.timeout).toBe(12);
  });

  it('keeps custom prices in litellm_params (per-token, cache and tier prices) for the price book', () => {
    const text = [
      'model_list:',
      '  - model_name: a',
      '    litellm_params: {model: openai/x, input_cost_per_token: 1e-6, output_cost_per_token: "2e-6", cache_read_input_token_cost: 1e-7,',
      '      cache_creation_input_token_cost: 3e-6, input_cost_per_token_above_200k_tokens: 2e-6, input_cost_per_second: 1}',
    ].join('\n');
    const config = parseConfigText(text, 'p.yaml', {});
    expect(config.deployments[0]?.params).toMatchObject({
      input_cost_per_token: 1e-6,
      output_cost_per_token: '2e-6',
      cache_read_input_token_cost: 1e-7,
      cache_creation_input_token_cost: 3e-6,
      input_cost_per_token_above_200k_tokens: 2e-6,
    });
    // Per-second prices are not applied by @switchyard/cost: still reported as ignored.
    expect(config.deployments[0]?.params['input_cost_per_second']).toBeUndefined();
    expect(config.warnings).toEqual(['p.yaml: these keys are not supported by Switchyard yet and are ignored: model_list[].litellm_params.input_cost_per_second']);
  });

  it('reads LiteLLM alerting settings for soft-budget webhooks, and checks the URL', () => {
    const text = 'general_settings:\n  alerting: [webhook, slack]\n  alerting_webhook_url: https://hooks.example.com/x\n  alerting_webhook_allow_private: "true"\n';
    const config = parseConfigText(text, 'a.yaml', {});
    expect(config.alerting).toEqual({ channels: ['webhook', 'slack'], webhookUrl: 'https://hooks.example.com/x', webhookAllowPrivate: true });
    expect(config.warnings).toEqual([]);
    expect(parseConfigText('general_settings: {master_key: k}\n', 'b.yaml', {}).alerting).toBeUndefined();
    expect(errorOf(() => parseConfigText('general_settings: {alerting_webhook_url: "ftp://x"}\n', 'c.yaml', {})).message).toContain('general_settings.alerting_webhook_url');
  });

  it('lists every unsupported key in one warning', () => {
    const text = 'teams: []\nlitellm_settings: {cache: true, drop_params: true}\nmodel_list:\n  - model_name: a\n    litellm_params: {model: openai/x, rpm: 3, input_cost_per_second: 1, aws_region_name: us-east-1, temperature: 0.2}\n';
    const config = parseConfigText(text, 'w.yaml', {});
    expect(config.warnings).toEqual(['w.yaml: these keys are not supported by Switchyard yet and are ignored: teams, litellm_settings.cache, model_list[].litellm_params.input_cost_per_second']);
    expect(config.deployments[0]?.params['rpm']).toBe(3);
    expect(config.deployments[0]?.params['aws_region_name']).toBe('us-east-1');
    expect(config.deployments[0]?.params['temperature']).toBe(0.2);
  });
});
