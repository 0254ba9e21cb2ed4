import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { McpAccess } from '../bridge/mcp-access.js';
import type { McpHttpHandler } from '../server/mcp-http-handler.js';

export interface TestGateway {
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/**
 * What the gateway does in a few lines, on a plain node:http server on 127.0.0.1: authenticate the bearer key
 * (401 without a known one), take `{server}` from `/mcp/{server}`, and hand the raw request to the handler.
 */
export async function startTestGateway(handler: McpHttpHandler, keys: Record<string, McpAccess>): Promise<TestGateway> {
  const server: Server = createServer((req, res) => {
    const match = /^\/mcp(?:\/([^/?]+))?\/?(?:\?.*)?$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const access = key === undefined ? undefined : keys[key];
    if (!access) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    handler.handle(req, res, { access, server: match[1] }).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 60_000; // longer than the client's idle reuse, so no request meets a closing socket
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/mcp') => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The official SDK client connected over streamable HTTP with a bearer key (and optional extra headers). */
export async function connectClient(url: string, key: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'sdk-test-client', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${key}`, ...headers } },
  });
  await client.connect(transport);
  return { client, transport };
}
