import type { ProviderFamily } from '@switchyard/core';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';
import OpenAI from 'openai';
import { parseConfigText } from '../../src/config/load-config.js';
import { startGateway, type Gateway } from '../../src/gateway.js';
import type { GovernanceEnvironment } from '../../src/governance/open-governance.js';
import { createLogger } from '../../src/observability/logger.js';
import { installedFamilies } from '../../src/providers/installed-families.js';

/** The upstream key every test deployment uses; tests assert it never reaches a log line or an answer. */
export const upstreamSecret = 'sk-upstream-secret-DO-NOT-LEAK';

export interface Harness {
  gateway: Gateway;
  /** The mock provider the test deployments point at. */
  mock: MockProvider;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Every log line the gateway wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  families: readonly ProviderFamily[];
  /** The official OpenAI client pointed at the gateway (no client-side retries unless asked). */
  client(options?: { apiKey?: string; maxRetries?: number; timeout?: number }): OpenAI;
  close(): Promise<void>;
}

const mockPlaceholder = '{{mock}}';

/**
 * `litellm_params` (a YAML flow mapping) for an OpenAI deployment on the mock provider that plays one scenario,
 * chosen through its api_base: `/mock/fault=429,retry_after=30/v1`.
 */
export function scenarioParams(scenario: string, extra = ''): string {
  const apiBase = scenario === '' ? `${mockPlaceholder}/v1` : `${mockPlaceholder}/mock/${scenario}/v1`;
  return `{model: "openai/gpt-4o-mini", api_base: "${apiBase}", api_key: ${upstreamSecret}${extra ? `, ${extra}` : ''}}`;
}

export interface HarnessOptions {
  families?: readonly ProviderFamily[];
  env?: NodeJS.ProcessEnv;
  /** REDIS_URL and SWITCHYARD_ROUTER_REDIS_PREFIX for the router (default: none, in-process state). */
  routerEnv?: { REDIS_URL?: string; SWITCHYARD_ROUTER_REDIS_PREFIX?: string };
  /** Governance variables (SWITCHYARD_MASTER_KEY, DATABASE_URL, ...); the store defaults to an in-memory PGlite. */
  governanceEnv?: GovernanceEnvironment;
}

/**
 * Starts the mock provider and a gateway (with the installed provider families) on ephemeral loopback ports from
 * YAML text, capturing the gateway's logs. `{{mock}}` in the YAML stands for the mock's URL.
 */
export async function startHarness(yaml: string, options: HarnessOptions = {}): Promise<Harness> {
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'debug',
    destination: {
      write(line: string) {
        rawLogs.push(line);
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  const families = options.families ?? installedFamilies();
  const mock = await startMockProvider();
  const config = parseConfigText(yaml.replaceAll(mockPlaceholder, mock.url), 'test-config.yaml', options.env ?? {});
  const gateway = await startGateway({
    config,
    families,
    port: 0,
    host: '127.0.0.1',
    logger,
    processMetrics: false,
    env: { SWITCHYARD_DATA_DIR: 'memory://', ...options.routerEnv, ...options.governanceEnv },
  });
  return {
    gateway,
    mock,
    url: gateway.url,
    logs,
    rawLogs,
    families,
    client: (clientOptions = {}) =>
      new OpenAI({
        baseURL: `${gateway.url}/v1`,
        apiKey: clientOptions.apiKey ?? 'sk-gateway-test',
        maxRetries: clientOptions.maxRetries ?? 0,
        ...(clientOptions.timeout === undefined ? {} : { timeout: clientOptions.timeout }),
      }),
    close: async () => {
      await gateway.close();
      await mock.close();
    },
  };
}

/** Raw HTTP against the gateway (undici under the hood): for what the OpenAI client cannot send. */
export async function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
