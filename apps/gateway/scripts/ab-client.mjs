// What cpu-ab.mjs and icount-ab.mjs share: free ports, the bench's chat request, driving a target over kept-alive
// connections, the mock's config, and (for the governance scenarios) the bench's own scenario session.
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');

export const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

const baseHeaders = { 'content-type': 'application/json', authorization: 'Bearer sk-bench' };

/** Sends one request (a chat completion unless told otherwise); resolves with the status and body text. */
export function send(agent, port, body, headers = baseHeaders, { method = 'POST', path = '/v1/chat/completions' } = {}) {
  return new Promise((done, fail) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (part) => (text += part)).on('end', () => done({ status: res.statusCode, text }));
    });
    req.on('error', fail).end(body);
  });
}

export async function waitUntilUp(port, tries = 600, everyMs = 50) {
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      return await send(undefined, port, '{}');
    } catch {
      await new Promise((done) => setTimeout(done, everyMs));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/**
 * `total` requests over `conc` kept-alive connections, with `extraHeaders` (a virtual key) on top of the bench's;
 * returns how many answers were not a full completion.
 */
export async function drive(port, { stream, total, conc, extraHeaders = {} }) {
  const agent = new Agent({ keepAlive: true, maxSockets: conc });
  const headers = { ...baseHeaders, ...extraHeaders };
  const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Say hello in one short sentence.' }], ...(stream ? { stream: true } : {}) });
  let next = 0;
  let bad = 0;
  const worker = async () => {
    while (next++ < total) {
      const { status, text } = await send(agent, port, body, headers);
      if (status !== 200 || !(stream ? text.endsWith('data: [DONE]\n\n') : text.includes('"choices"'))) bad++;
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  agent.destroy();
  return bad;
}

/** The gateway config pointing gpt-4o-mini at the mock; returns its path. */
export function mockConfig(mockPort, name) {
  const config = join(tmpdir(), `${name}-${mockPort}.yaml`);
  writeFileSync(config, `model_list:\n  - model_name: gpt-4o-mini\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:${mockPort}/v1", api_key: sk-bench}\n`);
  return config;
}

/**
 * A governance scenario's session (tools/bench's own: master key, a fresh virtual key with rpm 100,000,000 and
 * budget 1,000,000, the store and Redis from SWITCHYARD_BENCH_DATABASE_URL / _REDIS_URL, prefixes of its own), or
 * none for `scenario` undefined. Each call opens a new one, so two gateway builds never share counters.
 */
export async function openScenario(scenario, run) {
  if (scenario === undefined) return { gatewayEnv: {}, gatewayHeaders: {}, close: async () => {} };
  const { getScenario } = await import(join(root, 'tools/bench/dist/scenarios/registry.js'));
  const found = getScenario(scenario);
  if (found.open === undefined) throw new Error(`scenario ${scenario} has no session (governance-pglite, governance-postgres do)`);
  return found.open({ workDir: tmpdir(), run });
}

/** The spend of the session's virtual key, read with its master key over /key/info (what the flushed logs added). */
export async function keySpend(port, session) {
  const key = session.gatewayHeaders.authorization.replace(/^Bearer /, '');
  const headers = { authorization: `Bearer ${session.gatewayEnv.SWITCHYARD_MASTER_KEY}` };
  const { status, text } = await send(undefined, port, undefined, headers, { method: 'GET', path: `/key/info?key=${encodeURIComponent(key)}` });
  if (status !== 200) throw new Error(`/key/info answered ${status}`);
  return Number(JSON.parse(text).info.spend);
}

/** Polls the key's spend once a second until it reaches `atLeast`: the spend logs of every request so far are written. */
export async function waitForSpend(port, session, atLeast, tries = 600) {
  for (let attempt = 0; attempt < tries; attempt++) {
    const spend = await keySpend(port, session);
    if (spend > 0 && spend >= atLeast * (1 - 1e-9)) return spend;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`the spend logs were not written within ${tries} s`);
}
