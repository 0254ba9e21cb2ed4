import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, type Client } from '@a2a-js/sdk/client';
import type { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { createA2aForwarder, type A2aForwarderOptions } from '../forwarder/a2a-forwarder.js';
import type { A2aCallReport } from '../forwarder/call-report.js';

export interface TestGateway {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  reports: A2aCallReport[];
  close(): Promise<void>;
}

/**
 * A stand-in for the gateway: a plain node:http server that checks a bearer key (401 without a known one) and
 * hands `/a2a/*` to the forwarder with the agents that key may use.
 */
export interface TestGatewayOptions extends Omit<A2aForwarderOptions, 'registry' | 'onCall'> {
  /** Read the body before calling the forwarder and hand it over in the access context (as a framework would). */
  readBodyFirst?: boolean;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTestGateway(
  registry: A2aAgentRegistry,
  keys: Record<string, '*' | string[]>,
  { readBodyFirst = false, ...options }: TestGatewayOptions = {},
): Promise<TestGateway> {
  const reports: A2aCallReport[] = [];
  const forwarder = createA2aForwarder({ ...options, registry, onCall: (report) => reports.push(report) });
  const server: Server = createServer((req, res) => {
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const agents = key === undefined ? undefined : keys[key];
    if (!forwarder.matches(req.url ?? '')) return void res.writeHead(404).end();
    if (agents === undefined) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    if (!readBodyFirst) return void forwarder.handle(req, res, { agents });
    void readAll(req).then((body) => forwarder.handle(req, res, { agents, body }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reports,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `fetch` that adds the caller's gateway key, as a real caller of the gateway would. */
export function fetchWithKey(key: string): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${key}`);
    return fetch(input, { ...init, headers });
  };
}

/** The official A2A client (the SDK's ClientFactory), with the compat layer, for a URL at the gateway. */
export async function officialClient(url: string, key: string): Promise<Client> {
  const fetchImpl = fetchWithKey(key);
  const legacyCompat = { enabled: true };
  const factory = new ClientFactory({
    transports: [new JsonRpcTransportFactory({ fetchImpl, legacyCompat })],
    cardResolver: new DefaultAgentCardResolver({ fetchImpl, legacyCompat }),
  });
  return factory.createFromUrl(url);
}
