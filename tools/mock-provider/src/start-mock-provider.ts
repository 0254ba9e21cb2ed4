import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FixtureLibrary, defaultFixtureRoot } from './fixtures/fixture-library.js';
import { FaultCounter } from './scenario/fault-counter.js';
import { handleRequest } from './server/handle-request.js';
import type { MockServerState } from './server/mock-server-state.js';
import { RequestRecorder, type RecordedRequest } from './server/request-recorder.js';

export interface MockProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Where the replay library lives; defaults to the fixtures shipped with the package. */
  fixturesDir?: string;
  /** How many recent requests to keep (default 1000). */
  maxRecordedRequests?: number;
  /** Larger request bodies get a 413 in the route's format (default 32 MiB). */
  maxBodyBytes?: number;
}

export interface MockProvider {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The recorded requests, oldest first (a fresh snapshot on every read). */
  readonly requests: RecordedRequest[];
  /** Forgets the recorded requests and the `fault_times` counters. */
  reset(): void;
  /** Stops listening and destroys every open socket, hung requests included. */
  close(): Promise<void>;
}

/** Starts the mock upstream on a loopback port. */
export async function startMockProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  const host = options.host ?? '127.0.0.1';
  const state: MockServerState = {
    recorder: new RequestRecorder(options.maxRecordedRequests ?? 1000),
    faults: new FaultCounter(),
    fixtures: new FixtureLibrary(options.fixturesDir ?? defaultFixtureRoot),
    maxBodyBytes: options.maxBodyBytes ?? 32 * 1024 * 1024,
  };
  const server = createServer({ noDelay: true }, (req, res) => handleRequest(state, req, res));
  // Benchmarks keep connections open between requests; outlive the usual client idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    get requests() {
      return state.recorder.list();
    },
    reset() {
      state.recorder.clear();
      state.faults.reset();
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
