import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { fastRoutesOf } from '../http/fast-routes.js';
import { handleClientError } from './client-error.js';

export interface StartServerOptions {
  port: number;
  host: string;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Requests being answered right now. */
  inFlight(): number;
  isDraining(): boolean;
  /**
   * Stops accepting connections and waits up to `graceMs` for in-flight requests (streams included) to finish,
   * then closes every connection. Resolves true when everything finished in time.
   */
  drain(graceMs: number): Promise<boolean>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Serves the Hono app on node:http, counting in-flight requests for readiness, metrics and graceful shutdown. */
export async function startServer(app: Hono<AppEnv>, options: StartServerOptions): Promise<RunningServer> {
  const listener = getRequestListener(app.fetch, { hostname: options.host === '0.0.0.0' ? 'localhost' : options.host });
  const fastRoutes = fastRoutesOf(app);
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;
  const server = createServer({ keepAliveTimeout: 65_000 }, (incoming, outgoing) => {
    inFlight++;
    if (draining) outgoing.setHeader('connection', 'close');
    outgoing.once('close', finished);
    if (fastRoutes?.(incoming, outgoing)) return;
    listener(incoming, outgoing).catch(() => outgoing.destroy());
  });
  function finished(): void {
    inFlight--;
    if (!draining) return;
    server.closeIdleConnections();
    if (inFlight === 0) onIdle?.();
  }
  server.on('clientError', handleClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://${urlHost(options.host)}:${port}`,
    host: options.host,
    port,
    inFlight: () => inFlight,
    isDraining: () => draining,
    async drain(graceMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const finishedInTime =
        inFlight === 0 ||
        (await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), graceMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve(true);
          };
        }));
      server.closeAllConnections();
      await closed;
      return finishedInTime;
    },
  };
}
