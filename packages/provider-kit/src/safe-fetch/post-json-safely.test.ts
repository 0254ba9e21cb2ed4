import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJsonSafely } from './post-json-safely.js';

let received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
const server = createServer((incoming, outgoing) => {
  let body = '';
  incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  incoming.on('end', () => {
    received.push({ headers: incoming.headers, body });
    outgoing.writeHead(incoming.url === '/fail' ? 500 : 204).end();
  });
});
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('postJsonSafely', () => {
  it('posts JSON to an allowed private host and gives the status', async () => {
    received = [];
    const status = await postJsonSafely(`${base}/hook`, { event: 'x', n: 1 }, { allowPrivateHosts: ['127.0.0.1'], timeoutMs: 5000, headers: { 'x-token': 't' } });
    expect(status).toBe(204);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual({ event: 'x', n: 1 });
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.headers['x-token']).toBe('t');
    expect(await postJsonSafely(`${base}/fail`, {}, { allowPrivate: true, timeoutMs: 5000 })).toBe(500);
  });

  it('refuses loopback and private addresses unless allowed, and sends nothing', async () => {
    received = [];
    await expect(postJsonSafely(`${base}/hook`, {}, { timeoutMs: 5000 })).rejects.toMatchObject({ code: 'url_not_allowed' });
    const resolveHost = async () => [{ address: '10.0.0.7', family: 4 }];
    await expect(postJsonSafely('http://hooks.internal.example/x', {}, { timeoutMs: 5000, resolveHost })).rejects.toMatchObject({ code: 'url_not_allowed' });
    await expect(postJsonSafely('file:///etc/passwd', {}, { allowPrivate: true, timeoutMs: 5000 })).rejects.toMatchObject({ code: 'url_not_allowed' });
    expect(received).toHaveLength(0);
  });

  it('names the host, never the URL path or query, when the post fails', async () => {
    const closed = `http://127.0.0.1:1/secret-token-path?token=abc`;
    const error = await postJsonSafely(closed, {}, { allowPrivate: true, timeoutMs: 5000 }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ kind: 'upstream_unavailable' });
    expect(String((error as Error).message)).not.toMatch(/secret-token|abc/);
  });
});
