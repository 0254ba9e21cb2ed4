import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const gatewayMain = join(repoRoot, 'apps', 'gateway', 'dist', 'main.js');
const adminIndex = join(repoRoot, 'apps', 'admin', 'dist', 'index.html');

export const masterKey = 'sk-e2e-master-key-0123456789';

export interface E2eGateway {
  url: string;
  mock: MockProvider;
  /** Everything the gateway wrote, for failure messages and leak checks. */
  output(): string;
  close(): Promise<void>;
}

function config(mockUrl: string): string {
  return [
    'model_list:',
    '  - model_name: gpt-4o-mini',
    `    litellm_params: { model: openai/gpt-4o-mini, api_base: "${mockUrl}/v1", api_key: sk-upstream-e2e }`,
    '  - model_name: gpt-4o',
    `    litellm_params: { model: openai/gpt-4o, api_base: "${mockUrl}/v1", api_key: sk-upstream-e2e }`,
    // Always answers 500: failed requests for the logs, and a deployment in cooldown on the Models page.
    '  - model_name: flaky-model',
    `    litellm_params: { model: openai/gpt-4o-mini, api_base: "${mockUrl}/mock/fault=500/v1", api_key: sk-upstream-e2e }`,
    'general_settings:',
    `  master_key: ${masterKey}`,
    '',
  ].join('\n');
}

async function listeningUrl(child: ChildProcess, output: () => string): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    for (const line of output().split('\n')) {
      if (line.includes('switchyard gateway listening')) return (JSON.parse(line) as { url: string }).url;
    }
    if (child.exitCode !== null) throw new Error(`the gateway exited early:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not start in 60 s:\n${output()}`);
}

/**
 * Starts the mock provider and the built gateway as its own process (as `npm start` runs it) on a free loopback
 * port, with a master key and embedded PGlite in a new temporary folder; the console is the built apps/admin/dist.
 */
export async function startE2eGateway(): Promise<E2eGateway> {
  for (const built of [gatewayMain, adminIndex]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm nx run @switchyard/admin:test\` (it builds the gateway and the console first).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-admin-e2e-'));
  const mock = await startMockProvider();
  writeFileSync(join(dir, 'config.yaml'), config(mock.url));
  const env = { PATH: process.env['PATH'], HOME: dir, SWITCHYARD_DATA_DIR: join(dir, 'data'), SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '200' };
  const child = spawn(process.execPath, [gatewayMain, '--config', join(dir, 'config.yaml'), '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (text: string) => chunks.push(text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => chunks.push(text));
  const output = () => chunks.join('');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return { url: await listeningUrl(child, output), mock, output, close };
  } catch (error) {
    await close();
    throw error;
  }
}
