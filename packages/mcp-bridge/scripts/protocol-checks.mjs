// Runs the MCP conformance suite (@modelcontextprotocol/conformance 0.1.11, the last release that runs on Node 20)
// and the MCP Inspector CLI (1.0.3) against the bridge's /mcp handler, mounted on a plain node:http server on
// 127.0.0.1 in front of server-everything (streamable HTTP, loopback only). The same suite also runs against
// server-everything directly; any check that passes there but fails through the bridge is a regression and makes
// the script exit 1, as does any Inspector check that does not give the expected answer.
// Usage: pnpm nx run @switchyard/mcp-bridge:protocol-checks (builds first). Needs the npm registry for npx.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpBridge, createMcpHttpHandler, loopbackHostnames } from '../dist/index.js';
import { everythingEntry, loopbackPreload as preload } from '../dist/testing/index.js';

const conformance = '@modelcontextprotocol/conformance@0.1.11';
const inspector = '@modelcontextprotocol/inspector@1.0.3';
const key = 'sk-protocol-check';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function startEverything() {
  const child = spawn(process.execPath, ['--import', preload, everythingEntry, 'streamableHttp'], {
    env: { PORT: '0', PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /LOOPBACK_LISTENING (\d+)/.exec(output);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}/mcp` });
    });
    child.once('exit', (code) => reject(new Error(`server-everything exited (${code}): ${output}`)));
  });
}

async function startBridgeServer(upstreamUrl) {
  const bridge = McpBridge.create({ everything: { transport: 'http', url: upstreamUrl } });
  const handler = createMcpHttpHandler(bridge, { allowedHosts: loopbackHostnames });
  const server = createServer((req, res) => {
    const keyed = req.url?.startsWith('/keyed/mcp');
    if (!keyed && !req.url?.startsWith('/mcp')) return void res.writeHead(404).end();
    if (keyed && req.headers.authorization !== `Bearer ${key}`) return void res.writeHead(401).end();
    handler.handle(req, res, { access: {} }).catch(() => res.headersSent || res.writeHead(500).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const close = async () => {
    await handler.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await bridge.close();
  };
  return { base, close };
}

function readChecks(directory) {
  const checks = new Map();
  for (const scenario of readdirSync(directory)) {
    const file = join(directory, scenario, 'checks.json');
    for (const check of JSON.parse(readFileSync(file, 'utf8'))) checks.set(check.id, check.status);
  }
  return checks;
}

async function conformanceRun(url, directory) {
  await run('npx', ['-y', conformance, 'server', '--url', url, '-o', directory]);
  return readChecks(directory);
}

async function inspectorChecks(base) {
  const cli = (url, header, ...args) =>
    run('npx', ['-y', inspector, '--cli', url, '--transport', 'http', '--header', header, ...args]);
  const auth = `Authorization: Bearer ${key}`;
  const list = await cli(`${base}/keyed/mcp`, auth, '--method', 'tools/list');
  const names = list.code === 0 ? JSON.parse(list.stdout).tools.map((tool) => tool.name) : [];
  const call = await cli(`${base}/keyed/mcp`, auth, '--method', 'tools/call', '--tool-name', 'everything-echo', '--tool-arg', 'message=hi');
  const badKey = await cli(`${base}/keyed/mcp`, 'Authorization: Bearer sk-wrong', '--method', 'tools/list');
  return [
    { check: 'tools/list lists everything-* tools', ok: names.length > 0 && names.every((name) => name.startsWith('everything-')) },
    { check: 'tools/call everything-echo answers "Echo: hi"', ok: call.code === 0 && call.stdout.includes('Echo: hi') },
    { check: 'a bad key exits non-zero', ok: badKey.code !== 0 },
  ];
}

const work = mkdtempSync(join(tmpdir(), 'mcp-protocol-checks-'));
const everything = await startEverything();
const gateway = await startBridgeServer(everything.url);
let failed = false;
try {
  const direct = await conformanceRun(everything.url, join(work, 'direct'));
  const bridged = await conformanceRun(`${gateway.base}/mcp`, join(work, 'bridge'));
  console.log('conformance check                         direct    bridge');
  for (const id of [...new Set([...direct.keys(), ...bridged.keys()])].sort()) {
    const regression = direct.get(id) === 'SUCCESS' && bridged.get(id) !== 'SUCCESS';
    failed ||= regression;
    console.log(`${id.padEnd(42)}${String(direct.get(id) ?? '-').padEnd(10)}${bridged.get(id) ?? '-'}${regression ? '  REGRESSION' : ''}`);
  }
  const count = (checks) => [...checks.values()].filter((status) => status === 'SUCCESS').length;
  console.log(`passing checks: direct ${count(direct)}/${direct.size}, bridge ${count(bridged)}/${bridged.size}`);
  for (const { check, ok } of await inspectorChecks(gateway.base)) {
    failed ||= !ok;
    console.log(`inspector: ${ok ? 'ok  ' : 'FAIL'} ${check}`);
  }
} finally {
  await gateway.close();
  everything.child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? 'protocol checks: FAILED' : 'protocol checks: passed');
process.exitCode = failed ? 1 : 0;
