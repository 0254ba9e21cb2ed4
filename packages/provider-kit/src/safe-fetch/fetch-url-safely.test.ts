import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchyardError } from '@switchyard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchUrlSafely, type FetchUrlSafelyOptions } from './fetch-url-safely.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface TestServer {
  port: number;
  requests: IncomingMessage[];
}

const servers: Server[] = [];

async function startServer(handler: (req: IncomingMessage, res: ServerResponse, port: number) => void): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res, port);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { port, requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const servePng = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
  res.end(png);
};

const base: FetchUrlSafelyOptions = { maxBytes: 1024 * 1024, timeoutMs: 5_000 };

async function failure(promise: Promise<unknown>): Promise<SwitchyardError> {
  try {
    await promise;
  } catch (error) {
    if (SwitchyardError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchUrlSafely: address policy', () => {
  it('refuses a loopback IP by default without connecting', async () => {
    const server = await startServer(servePng);
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/a.png`, base));
    expect(error.kind).toBe('bad_request');
    expect(error.code).toBe('url_not_allowed');
    expect(error.message).toBe('The address 127.0.0.1 is a loopback address; only public addresses may be fetched.');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback', async () => {
    const server = await startServer(servePng);
    const error = await failure(fetchUrlSafely(`http://localhost:${server.port}/a.png`, base));
    expect(error.code).toBe('url_not_allowed');
    expect(error.message).toMatch(/^The host localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolveHost = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const error = await failure(fetchUrlSafely('http://images.test/a.png', { ...base, resolveHost }));
    expect(error.message).toBe('The host images.test resolves to 10.0.0.7, which is a private address; only public addresses may be fetched.');
  });

  it.each(['http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data', 'http://0x7f.1/', 'http://[fd00::1]/'])(
    'refuses %s',
    async (url) => {
      const error = await failure(fetchUrlSafely(url, base));
      expect(error.code).toBe('url_not_allowed');
    },
  );

  it('fetches from loopback when allowPrivate is set', async () => {
    const server = await startServer(servePng);
    const fetched = await fetchUrlSafely(`http://127.0.0.1:${server.port}/a.png`, { ...base, allowPrivate: true });
    expect(fetched.bytes.equals(png)).toBe(true);
    expect(fetched.contentType).toBe('image/png');
    expect(server.requests[0]?.url).toBe('/a.png');
  });

  it('connects to the address the checked lookup returned', async () => {
    const server = await startServer(servePng);
    const resolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
    const fetched = await fetchUrlSafely(`http://images.test:${server.port}/a.png`, {
      ...base,
      resolveHost,
      allowPrivateHosts: ['*.test'],
    });
    expect(fetched.bytes.equals(png)).toBe(true);
    expect(server.requests[0]?.headers.host).toBe(`images.test:${server.port}`);
  });

  it('refuses hosts outside allowedHosts even when private addresses are allowed', async () => {
    const server = await startServer(servePng);
    const error = await failure(
      fetchUrlSafely(`http://127.0.0.1:${server.port}/a.png`, { ...base, allowPrivate: true, allowedHosts: ['cdn.example.com'] }),
    );
    expect(error.message).toBe('The host 127.0.0.1 is not in the list of hosts that may be fetched.');
    expect(server.requests).toHaveLength(0);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/a.png', 'not a url', 'http://user:secret@example.com/'])(
    'refuses %s with bad_request',
    async (url) => {
      const error = await failure(fetchUrlSafely(url, base));
      expect(error.kind).toBe('bad_request');
      expect(error.message).not.toContain('secret');
    },
  );
});

describe('fetchUrlSafely: redirects', () => {
  it('refuses a redirect to a private host and never connects to it', async () => {
    const target = await startServer(servePng);
    const first = await startServer((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${target.port}/a.png` });
      res.end();
    });
    const error = await failure(
      fetchUrlSafely(`http://127.0.0.1:${first.port}/`, { ...base, allowPrivateHosts: ['127.0.0.1'] }),
    );
    expect(error.message).toMatch(/^The host localhost resolves to/);
    expect(first.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it('refuses a redirect to the metadata address', async () => {
    const first = await startServer((_req, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${first.port}/`, { ...base, allowPrivateHosts: ['127.0.0.1'] }));
    expect(error.message).toBe('The address 169.254.169.254 is a link-local address; only public addresses may be fetched.');
  });

  it('follows three relative redirects and stops at the fourth', async () => {
    const server = await startServer((req, res) => {
      const step = Number(req.url?.slice(1));
      if (step === 0) return servePng(req, res);
      res.writeHead(301, { location: `/${step - 1}` });
      res.end();
    });
    const options = { ...base, allowPrivate: true };
    const fetched = await fetchUrlSafely(`http://127.0.0.1:${server.port}/3`, options);
    expect(fetched.bytes.equals(png)).toBe(true);
    expect(server.requests.map((req) => req.url)).toEqual(['/3', '/2', '/1', '/0']);
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/4`, options));
    expect(error.message).toBe('Fetching stopped after 3 redirects.');
  });
});

describe('fetchUrlSafely: size and time', () => {
  it('refuses a body whose declared length is over the cap', async () => {
    const server = await startServer(servePng);
    const error = await failure(
      fetchUrlSafely(`http://127.0.0.1:${server.port}/a.png`, { ...base, allowPrivate: true, maxBytes: png.length - 1 }),
    );
    expect(error.kind).toBe('bad_request');
    expect(error.message).toBe(`The content at 127.0.0.1 is larger than the ${png.length - 1}-byte limit.`);
  });

  it('stops reading a chunked body once it passes the cap', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const write = (left: number): void => {
        if (left === 0 || res.destroyed) return void res.end();
        res.write(Buffer.alloc(1024, 1), () => write(left - 1));
      };
      write(64);
    });
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true, maxBytes: 4096 }));
    expect(error.code).toBe('url_content_too_large');
  });

  it('accepts a body exactly at the cap', async () => {
    const server = await startServer(servePng);
    const fetched = await fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true, maxBytes: png.length });
    expect(fetched.bytes.length).toBe(png.length);
  });

  it('times out when the server never answers', async () => {
    const server = await startServer(() => undefined);
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true, timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Fetching from 127.0.0.1 took longer than 200 ms.');
  });

  it('times out when the body stalls', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': 1000 });
      res.write(png.subarray(0, 10));
    });
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true, timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
  });

  it('reports an error status as bad_request', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(404);
      res.end('missing');
    });
    const error = await failure(fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true }));
    expect(error.kind).toBe('bad_request');
    expect(error.message).toBe('127.0.0.1 answered HTTP 404.');
  });

  it('stops when the caller aborts', async () => {
    const server = await startServer(() => undefined);
    const controller = new AbortController();
    const pending = fetchUrlSafely(`http://127.0.0.1:${server.port}/`, { ...base, allowPrivate: true, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Fetching from 127.0.0.1 was aborted.');
  });
});
