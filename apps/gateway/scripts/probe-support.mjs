// Shared by the measuring scripts here (icount-ab, cpu-ab, memory-probe): free ports, one request, waiting for a
// server to answer, the bench's chat body.
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
export const mockCli = join(root, 'tools/mock-provider/dist/cli.js');
export const bareProxy = join(root, 'tools/bench/dist/targets/bare-proxy.js');

export const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/** Sends one chat request (the bench's `sk-bench` key unless `authorization` is given); resolves with the status and body text. */
export function send(agent, port, body, authorization = 'Bearer sk-bench') {
  return new Promise((done, fail) => {
    const headers = { 'content-type': 'application/json', authorization };
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (part) => (text += part)).on('end', () => done({ status: res.statusCode, text }));
    });
    req.on('error', fail).end(body);
  });
}

/** Resolves once something answers on `port` (any status), polling every `delayMs`. */
export async function waitUntilUp(port, tries = 600, delayMs = 50) {
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      return await send(undefined, port, '{}');
    } catch {
      await new Promise((done) => setTimeout(done, delayMs));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/** The bench's request body (tools/bench/src/scenarios/openai-passthrough.ts). */
export const benchBody = (stream) =>
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Say hello in one short sentence.' }],
    ...(stream ? { stream: true } : {}),
  });

/** The bench's one-deployment config (gpt-4o-mini on the mock). */
export const benchConfig = (mockPort) =>
  `model_list:\n  - model_name: gpt-4o-mini\n    litellm_params: {model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:${mockPort}/v1", api_key: sk-bench}\n`;

export { Agent };
