import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { parseRawResponse } from '../../test/support/raw-http.js';
import type { AppEnv } from '../app-env.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { mountAdminUi } from './admin-ui.js';
import { adminUiDir, safeSegments, UnsafePathError } from './admin-ui-files.js';

/**
 * A GET with the path exactly as written (fetch would normalise it). The socket is not half-closed: Node's server
 * drops a half-closed connection whose answer is still being read from disk.
 */
function rawGet(url: string, path: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

const index = '<!doctype html><title>console</title><script type="module" src="/ui/assets/index-AbC123.js"></script>';

describe('the admin console at /ui', () => {
  let base: string;
  let server: RunningServer;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'switchyard-admin-ui-'));
    const root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), index);
    writeFileSync(join(root, 'assets', 'index-AbC123.js'), 'console.log("app")');
    writeFileSync(join(root, 'assets', 'index-AbC123.css'), 'body{}');
    writeFileSync(join(root, 'logo.svg'), '<svg/>');
    writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
    symlinkSync(join(base, 'secret.txt'), join(root, 'linked.txt'));
    const app = new Hono<AppEnv>();
    mountAdminUi(app, { dir: root });
    server = await startServer(app, { port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await server.drain(0);
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html at /ui and /ui/, never cached without revalidation, with a content security policy', async () => {
    for (const path of ['/ui', '/ui/']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(await response.text()).toBe(index);
    }
  });

  it('serves hashed assets with their content types, cached for good', async () => {
    const script = await fetch(`${server.url}/ui/assets/index-AbC123.js`);
    expect([script.status, script.headers.get('content-type'), script.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect(await script.text()).toBe('console.log("app")');
    const style = await fetch(`${server.url}/ui/assets/index-AbC123.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const logo = await fetch(`${server.url}/ui/logo.svg`);
    expect([logo.headers.get('content-type'), logo.headers.get('cache-control')]).toEqual(['image/svg+xml', 'no-cache']);
  });

  it('answers the console routes with index.html (SPA fallback) and missing files with a 404', async () => {
    for (const path of ['/ui/keys', '/ui/logs/req-123', '/ui/assets']) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status, await response.text()]).toEqual([path, 200, index]);
    }
    const missing = await fetch(`${server.url}/ui/assets/gone-123.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('No such file');
  });

  it('answers HEAD without a body and 304 to a matching If-None-Match', async () => {
    const head = await fetch(`${server.url}/ui/assets/index-AbC123.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const etag = head.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${server.url}/ui/assets/index-AbC123.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('never serves a file outside its folder, however the path is written', async () => {
    const attempts = [
      '/ui/../secret.txt',
      '/ui/%2e%2e/secret.txt',
      '/ui/..%2fsecret.txt',
      '/ui/..%2Fsecret.txt',
      '/ui/assets/..%2f..%2fsecret.txt',
      '/ui/..%5csecret.txt',
      '/ui/%252e%252e/secret.txt',
      '/ui/linked.txt',
      '/ui/%00.js',
      '/ui/%E0%A4%A.js',
    ];
    for (const path of attempts) {
      const raw = await rawGet(server.url, path);
      const { status, body } = parseRawResponse(raw);
      expect([path, body.includes('TOP-SECRET')]).toEqual([path, false]);
      expect([path, [400, 404].includes(status) ? 'refused' : raw]).toEqual([path, 'refused']);
    }
  });

  it('says how to build the console when it is not built', async () => {
    const app = new Hono<AppEnv>();
    mountAdminUi(app, { dir: join(base, 'nothing-here') });
    const response = await app.request('/ui/keys');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('@switchyard/admin:build');
  });
});

describe('safeSegments', () => {
  it('decodes each segment alone and refuses dot segments, separators and NUL', () => {
    expect(safeSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(safeSegments('//keys/')).toEqual(['keys']);
    for (const path of ['/..', '/a/./b', '/%2e%2e', '/a%2fb', '/a%5cb', '/a%00', '/%zz']) expect(() => safeSegments(path)).toThrow(UnsafePathError);
  });
});

describe('adminUiDir', () => {
  it('takes SWITCHYARD_ADMIN_DIR, else apps/admin/dist of the repository', () => {
    expect(adminUiDir({ SWITCHYARD_ADMIN_DIR: '/srv/console' })).toBe('/srv/console');
    expect(adminUiDir({})).toMatch(/apps[/\\]admin[/\\]dist$/);
  });
});
