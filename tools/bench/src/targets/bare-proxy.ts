#!/usr/bin/env node
// The floor: the least a Node 20 OpenAI pass-through can do. A node:http server forwards method, path, body and
// the auth and content headers (OpenAI's and Anthropic's) with undici's pooled `request`, then pipes status, headers and body back chunk by chunk without
// parsing anything. Whatever a gateway costs above this is the gateway's own work.
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { Pool, type Dispatcher } from 'undici';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, upstream: { type: 'string' } },
});
const pool = new Pool(new URL(values.upstream ?? 'http://127.0.0.1:9000').origin, {
  connections: 256,
  keepAliveTimeout: 60_000,
});
const forwarded = ['content-type', 'authorization', 'accept', 'x-api-key', 'anthropic-version'];
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer(async (req, res) => {
  const headers: Record<string, string> = {};
  for (const name of forwarded) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
  try {
    const method = (req.method ?? 'GET') as Dispatcher.HttpMethod;
    const body = method === 'GET' ? null : await readBody(req);
    const upstream = await pool.request({ method, path: req.url ?? '/', headers, body });
    const back: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(upstream.headers)) {
      if (value !== undefined && !hopByHop.has(name)) back[name] = value;
    }
    res.writeHead(upstream.statusCode, back);
    for await (const chunk of upstream.body) res.write(chunk);
    res.end();
  } catch (error) {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: String(error), type: 'bad_gateway' } }));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port), values.host);
