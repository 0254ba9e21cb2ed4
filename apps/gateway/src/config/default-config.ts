import type { ProviderFamily } from '@switchyard/core';
import { defaultSettings, megabytesToBytes, type DeploymentConfig, type GatewayConfig } from './gateway-config.js';

export const demoModelName = 'switchyard-demo';

export interface DefaultConfigOptions {
  /** The OpenAI-compatible base URL of the in-process mock provider, when it runs. */
  demoBaseUrl: string | undefined;
  /** The installed families' provider ids and API key variables (the families themselves need not be loaded). */
  families: readonly Pick<ProviderFamily, 'providers' | 'apiKeyEnv'>[];
  env: NodeJS.ProcessEnv;
}

/**
 * The config used when none is given: the demo model backed by the mock provider, and a wildcard group
 * `<provider>/*` for every installed provider whose API key variable is set (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...).
 */
export function defaultConfig(options: DefaultConfigOptions): GatewayConfig {
  const deployments: DeploymentConfig[] = [];
  if (options.demoBaseUrl !== undefined) {
    deployments.push({
      modelName: demoModelName,
      params: { model: `openai/${demoModelName}`, api_base: options.demoBaseUrl, api_key: 'switchyard-demo-key' },
      modelInfo: {},
      path: 'built-in demo model',
    });
  }
  const seen = new Set<string>();
  for (const family of options.families) {
    for (const provider of family.providers) {
      const envVar = family.apiKeyEnv(provider);
      if (seen.has(provider) || !envVar || !options.env[envVar]) continue;
      seen.add(provider);
      deployments.push({ modelName: `${provider}/*`, params: { model: `${provider}/*` }, modelInfo: {}, path: `${envVar} is set` });
    }
  }
  return {
    source: 'built-in config (no --config given)',
    deployments,
    masterKey: undefined,
    databaseUrl: undefined,
    maxRequestBytes: megabytesToBytes(defaultSettings.maxRequestSizeMb),
    requestTimeoutMs: defaultSettings.requestTimeoutSeconds * 1000,
    numRetries: defaultSettings.numRetries,
    dropParams: false,
    routerSettings: {},
    litellmSettings: {},
    mcpServers: {},
    a2aAgents: [],
    warnings: [],
  };
}
