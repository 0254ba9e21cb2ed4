import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, listeningUrl, runGateway, type GatewayProcess } from '../support/gateway-process.js';
import { openChatStream, sseEvents } from '../support/open-stream.js';

let mock: MockProvider;
let configPath: string;

beforeAll(async () => {
  ensureBuilt();
  mock = await startMockProvider();
  configPath = join(mkdtempSync(join(tmpdir(), 'switchyard-workers-')), 'config.yaml');
  writeFileSync(
    configPath,
    `model_list:\n  - model_name: slow\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "${mock.url}/mock/chunks=20,chunk_ms=100/v1", api_key: sk-up}\n` +
      `  - model_name: fast\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "${mock.url}/v1", api_key: sk-up}\n`,
  );
});
afterAll(() => mock.close());

function logLines(gateway: GatewayProcess): Array<Record<string, unknown>> {
  return gateway.stdout
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function workerPids(gateway: GatewayProcess, count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const listening = logLines(gateway).filter((line) => line['msg'] === 'switchyard gateway listening').length;
    const started = logLines(gateway).find((line) => Array.isArray(line['workerPids']));
    if (started && listening === count) return started['workerPids'] as number[];
    await delay(50);
  }
  throw new Error(`the workers did not all start: ${gateway.stdout.join('')} ${gateway.stderr.join('')}`);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('--workers', () => {
  it('serves from N worker processes on one port and, on SIGTERM, lets an in-flight stream finish before all exit 0', async () => {
    const gateway = runGateway(['--config', configPath, '--port', '0', '--workers', '2', '--shutdown-timeout', '20']);
    const url = await listeningUrl(gateway);
    const pids = await workerPids(gateway, 2);
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(gateway.child.pid);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'fast', messages: [{ role: 'user', content: 'hi' }] }) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));

    const stream = await openChatStream(url, 'slow');
    expect(stream.status).toBe(200);
    gateway.child.kill('SIGTERM');
    const events = sseEvents(await stream.rest());
    expect(events).toHaveLength(21);
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(await gateway.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    const messages = logLines(gateway).map((line) => line['msg']);
    expect(messages.filter((message) => message === 'switchyard gateway stopped')).toHaveLength(2);
    expect(messages).toContain('switchyard gateway stopped (all workers)');
  });

  it('reads SWITCHYARD_WORKERS, and a worker killed by a crash is replaced', async () => {
    const gateway = runGateway(['--config', configPath, '--port', '0'], { SWITCHYARD_WORKERS: '2' });
    const url = await listeningUrl(gateway);
    const [first] = await workerPids(gateway, 2);
    await delay(5_500); // past the start-up window in which a dying worker stops the gateway instead
    process.kill(first!, 'SIGKILL');
    for (let attempt = 0; attempt < 200; attempt++) {
      if (logLines(gateway).filter((line) => line['msg'] === 'switchyard gateway listening').length === 3) break;
      await delay(50);
    }
    expect(logLines(gateway).filter((line) => line['msg'] === 'switchyard gateway listening')).toHaveLength(3);
    expect((await fetch(`${url}/health/readiness`)).status).toBe(200);
    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toBe(0);
  }, 30_000);

  it('refuses several workers on the embedded PGlite store (single-process) with one clear line', async () => {
    const gateway = runGateway(['--config', configPath, '--port', '0', '--workers', '2'], { SWITCHYARD_MASTER_KEY: 'sk-workers-test-master' });
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr.join('')).toContain('needs Postgres: set DATABASE_URL');
  });
});
