import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@switchyard/store';
import { listeningUrl, runGateway, type GatewayProcess } from './gateway-process.js';

export const governedMasterKey = 'sk-process-test-master-key-0123456789';

/**
 * The model the governance process tests call: the mock's generated answer (always 10 completion tokens) priced
 * at 0 in and 0.00625 $ per token out, so with `max_tokens: 10` each request costs exactly 0.0625 $ and its estimate
 * equals its real cost (a budget of 6.25 covers exactly 100 requests, in binary floating point too).
 */
export const requestCost = 0.0625;
export const meteredBody = JSON.stringify({ model: 'metered', max_tokens: 10, messages: [{ role: 'user', content: 'Hello' }] });

export function meteredConfig(mockUrl: string, scenario = 'id=governed'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'switchyard-governed-')), 'config.yaml');
  writeFileSync(
    path,
    `model_list:
  - model_name: metered
    litellm_params: {model: openai/gpt-4o-mini, api_base: "${mockUrl}/mock/${scenario}/v1", api_key: sk-upstream}
    model_info: {input_cost_per_token: 0, output_cost_per_token: 0.00625}
`,
  );
  return path;
}

/** Where a test's gateways keep their state: a PGlite directory, or Postgres + Redis. */
export interface GovernedBackend {
  env: NodeJS.ProcessEnv;
  /** Opens the store the gateways use (PGlite: only while no gateway runs, it is single-process). */
  openStore(): Promise<Store>;
}

export function pgliteBackend(): GovernedBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-pglite-'));
  return {
    env: { SWITCHYARD_DATA_DIR: dataDir },
    openStore: () => openStore({ dataDir, env: {} }),
  };
}

export function sharedBackend(databaseUrl: string, redisUrl: string, prefix: string): GovernedBackend {
  return {
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SWITCHYARD_GOVERNANCE_REDIS_PREFIX: prefix, SWITCHYARD_ROUTER_REDIS_PREFIX: `${prefix}router:` },
    openStore: () => openStore({ databaseUrl, env: {} }),
  };
}

export interface GovernedGateway {
  process: GatewayProcess;
  url: string;
}

/** Starts a built gateway process with governance on (the master key in the environment) and waits for it. */
export async function startGovernedGateway(configPath: string, backend: GovernedBackend, env: NodeJS.ProcessEnv = {}): Promise<GovernedGateway> {
  const child = runGateway(['--config', configPath, '--port', '0', '--log-level', env['LOG_LEVEL'] ?? 'debug'], {
    SWITCHYARD_MASTER_KEY: governedMasterKey,
    ...backend.env,
    ...env,
  });
  return { process: child, url: await listeningUrl(child, 90_000) };
}

export interface Answer {
  status: number;
  code: string | undefined;
  requestId: string | null;
  cost: number | undefined;
}

/** One chat request with a key; the body is read to the end. A connection failure answers status 0. */
export async function callMetered(url: string, key: string, body = meteredBody): Promise<Answer> {
  try {
    const response = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
    const json = (await response.json()) as { error?: { code?: string } };
    const cost = response.headers.get('x-switchyard-response-cost');
    return { status: response.status, code: json.error?.code, requestId: response.headers.get('x-request-id'), cost: cost === null ? undefined : Number(cost) };
  } catch {
    return { status: 0, code: undefined, requestId: null, cost: undefined };
  }
}

export async function stopGateway(gateway: GovernedGateway, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  if (gateway.process.child.exitCode === null && gateway.process.child.signalCode === null) gateway.process.child.kill(signal);
  return gateway.process.exited;
}
