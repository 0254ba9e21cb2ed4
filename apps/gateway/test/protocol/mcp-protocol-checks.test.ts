import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/gateway-harness.js';
import { startMcpGateway, type McpGatewaySetup } from '../support/mcp-gateway-setup.js';

// The MCP conformance suite (0.1.11, the last release that runs on Node 20) and the MCP Inspector CLI (1.0.3),
// both installed from npm, run against the gateway's /mcp in front of real servers, on 127.0.0.1 only.
const requireHere = createRequire(import.meta.url);
const binOf = (name: string, bin: string) => join(dirname(requireHere.resolve(`${name}/package.json`)), bin);
const conformanceCli = binOf('@modelcontextprotocol/conformance', 'dist/index.js');
const inspectorCli = binOf('@modelcontextprotocol/inspector', 'cli/build/cli.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir() } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every check of a conformance run, by id, with its status (SUCCESS, FAILURE, WARNING...). */
async function conformance(url: string, directory: string): Promise<Map<string, string>> {
  await run([conformanceCli, 'server', '--url', url, '-o', directory]);
  const checks = new Map<string, string>();
  for (const folder of readdirSync(directory)) {
    // Folders are `server-<scenario>-<timestamp>`.
    const scenario = folder.replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
    const file = join(directory, folder, 'checks.json');
    for (const check of JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; status: string }>) checks.set(`${scenario}/${check.id}`, check.status);
  }
  return checks;
}

describe('MCP conformance suite: the gateway fails no check the upstream alone passes', () => {
  let everything: HttpPeer;
  let open: Harness;
  const work = mkdtempSync(join(tmpdir(), 'gateway-conformance-'));

  beforeAll(async () => {
    everything = await startEverythingHttp('streamableHttp');
    // The suite cannot send a key: this gateway has no master key, so it is open (documented).
    open = await startHarness(`model_list: []\nmcp_servers:\n  everything: {transport: http, url: "${everything.url}"}\n`);
  }, 120_000);
  afterAll(async () => {
    await open.close();
    await everything.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs every server scenario directly and through /mcp', async () => {
    const [direct, gateway] = await Promise.all([conformance(everything.url, join(work, 'direct')), conformance(`${open.url}/mcp`, join(work, 'gateway'))]);
    const passedDirect = [...direct].filter(([, status]) => status === 'SUCCESS').map(([id]) => id);
    expect(passedDirect.length).toBeGreaterThan(5);
    const passedGateway = [...gateway].filter(([, status]) => status === 'SUCCESS').length;
    console.info(`conformance checks passing: upstream alone ${passedDirect.length}/${direct.size}, through the gateway ${passedGateway}/${gateway.size}`);
    const regressions = passedDirect.filter((id) => gateway.get(id) !== 'SUCCESS');
    expect(regressions).toEqual([]);
    expect(gateway.get('server-tools-list/tools-list')).toBe('SUCCESS');
  }, 240_000);
});

describe('MCP Inspector CLI against the gateway', () => {
  let setup: McpGatewaySetup;
  const inspect = (key: string, ...args: string[]) =>
    run([inspectorCli, '--cli', `${setup.harness.url}/mcp`, '--transport', 'http', '--header', `Authorization: Bearer ${key}`, ...args]);

  beforeAll(async () => {
    setup = await startMcpGateway();
  }, 120_000);
  afterAll(() => setup.close());

  it('lists and calls tools with a key, sees only what a narrower key may use, and exits non-zero for a bad key', async () => {
    const list = await inspect(setup.keys.admin, '--method', 'tools/list');
    expect(list.code).toBe(0);
    const names = (JSON.parse(list.stdout) as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(names).toContain('everything-echo');
    expect(names).toContain('memory-read_graph');

    const echo = await inspect(setup.keys.admin, '--method', 'tools/call', '--tool-name', 'everything-echo', '--tool-arg', 'message=hi');
    expect(echo.code).toBe(0);
    expect(JSON.parse(echo.stdout)).toMatchObject({ content: [{ type: 'text', text: 'Echo: hi' }] });

    const narrow = await inspect(setup.keys.memoryOnly, '--method', 'tools/list');
    const narrowNames = (JSON.parse(narrow.stdout) as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(narrowNames.length).toBeGreaterThan(0);
    expect(narrowNames.every((name) => name.startsWith('memory-'))).toBe(true);
    const refused = await inspect(setup.keys.memoryOnly, '--method', 'tools/call', '--tool-name', 'everything-echo', '--tool-arg', 'message=hi');
    expect(refused.stdout).toContain('"isError": true');

    const badKey = await inspect('sk-not-a-key', '--method', 'tools/list');
    expect(badKey.code).not.toBe(0);
  }, 120_000);
});
