// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, queryString } from './api-client';
import { ApiError, apiErrorFrom, messageOf } from './api-error';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: string;
}

describe('createApiClient against a real HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
        if (request.url?.startsWith('/refused')) {
          response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Invalid key.","type":"authentication_error","code":"invalid_api_key"}}');
        } else if (request.url?.startsWith('/broken')) {
          response.writeHead(502).end('Bad gateway');
        } else {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the key as a bearer token, queries and JSON bodies', async () => {
    const api = createApiClient('sk-admin', () => {}, baseUrl);
    expect(await api.get('/key/list', { page: 2, size: 10, team_id: undefined, q: '' })).toEqual({ ok: true });
    expect(await api.post('/key/block', { key: 'k' })).toEqual({ ok: true });
    expect(seen.slice(-2)).toEqual([
      { method: 'GET', url: '/key/list?page=2&size=10', authorization: 'Bearer sk-admin', body: '' },
      { method: 'POST', url: '/key/block', authorization: 'Bearer sk-admin', body: '{"key":"k"}' },
    ]);
  });

  it('throws refusals as ApiError from the OpenAI error body and reports 401s', async () => {
    let unauthorized = 0;
    const api = createApiClient('sk-old', () => unauthorized++, baseUrl);
    const error = await api.get('/refused').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).message, (error as ApiError).code, unauthorized]).toEqual([401, 'Invalid key.', 'invalid_api_key', 1]);
    const broken = await api.get('/broken').catch((thrown: unknown) => thrown);
    expect([(broken as ApiError).status, (broken as ApiError).message, unauthorized]).toEqual([502, 'Bad gateway', 1]);
  });
});

describe('errors and queries', () => {
  it("reads LiteLLM's detail bodies and says when the gateway is unreachable", () => {
    expect(apiErrorFrom(403, '{"detail":"Not allowed"}').message).toBe('Not allowed');
    expect(apiErrorFrom(500, '').message).toBe('The gateway answered 500.');
    expect(messageOf(new TypeError('fetch failed'))).toBe('Could not reach the gateway. Is it running?');
  });

  it('leaves out empty query values', () => {
    expect(queryString({ a: 1, b: undefined, c: null, d: '', e: false })).toBe('?a=1&e=false');
    expect(queryString({})).toBe('');
  });
});
