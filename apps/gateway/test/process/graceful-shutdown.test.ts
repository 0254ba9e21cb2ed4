import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startMockProvider, type MockProvider } from '@switchyard/mock-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, listeningUrl, runGateway } from '../support/gateway-process.js';
import { openChatStream, sseEvents } from '../support/open-stream.js';

let mock: MockProvider;
let configPath: string;

beforeAll(async () => {
  ensureBuilt();
  mock = await startMockProvider();
  configPath = join(mkdtempSync(join(tmpdir(), 'switchyard-shutdown-')), 'config.yaml');
  writeFileSync(
    configPath,
    `model_list:\n  - model_name: slow\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "${mock.url}/mock/chunks=20,chunk_ms=100/v1", api_key: sk-up}\n`,
  );
});
afterAll(() => mock.close());

describe('graceful shutdown of the gateway process', () => {
  it('on SIGTERM stops accepting, lets the in-flight stream finish and exits 0', async () => {
    const gateway = runGateway(['--config', configPath, '--port', '0', '--shutdown-timeout', '20']);
    const url = await listeningUrl(gateway);
    const stream = await openChatStream(url, 'slow');
    expect(stream.status).toBe(200);
    gateway.child.kill('SIGTERM');
    // new connections are refused while the stream is still being served
    let refused = false;
    for (let attempt = 0; attempt < 200 && !refused; attempt++) {
      refused = await fetch(`${url}/health/liveliness`).then(
        () => false,
        () => true,
      );
      if (!refused) await delay(20);
    }
    expect(refused).toBe(true);
    expect(gateway.child.exitCode).toBeNull();
    const events = sseEvents(await stream.rest());
    expect(events).toHaveLength(21);
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(await gateway.exited).toBe(0);
    const log = gateway.stdout.join('');
    expect(log).toContain('shutting down');
    expect(log).toContain('switchyard gateway stopped');
    await expect(fetch(`${url}/health/liveliness`)).rejects.toThrow();
  });

  it('exits 0 at once on SIGINT when idle', async () => {
    const gateway = runGateway(['--config', configPath, '--port', '0']);
    const url = await listeningUrl(gateway);
    expect((await fetch(`${url}/health/readiness`)).status).toBe(200);
    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toBe(0);
  });
});

describe('the command line', () => {
  it('prints the usage with --help', async () => {
    const gateway = runGateway(['--help']);
    expect(await gateway.exited).toBe(0);
    expect(gateway.stdout.join('')).toContain('--host <address>');
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const gateway = runGateway(['--frobnicate']);
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr.join('')).toContain("Unknown option '--frobnicate'");
  });

  it('stops with exit code 1 and one clear line, no stack trace, when an env var is missing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'switchyard-cli-')), 'c.yaml');
    writeFileSync(path, 'model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, api_key: os.environ/SWITCHYARD_MISSING_KEY}\n');
    const gateway = runGateway(['--config', path, '--port', '0']);
    expect(await gateway.exited).toBe(1);
    const stderr = gateway.stderr.join('');
    expect(stderr).toContain(path);
    expect(stderr).toContain('SWITCHYARD_MISSING_KEY (at model_list[0].litellm_params.api_key)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reads SWITCHYARD_CONFIG and PORT from the environment', async () => {
    const gateway = runGateway([], { SWITCHYARD_CONFIG: configPath, PORT: '0' });
    const url = await listeningUrl(gateway);
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toEqual(['slow']);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('serves the demo model with no config at all', async () => {
    const gateway = runGateway(['--port', '0']);
    const url = await listeningUrl(gateway);
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'switchyard-demo', messages: [{ role: 'user', content: 'Hello!' }] }),
    });
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('This is a mock response from Switchyard.');
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });
});
