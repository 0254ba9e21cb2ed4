import { Agent, request } from 'node:http';
import type { RequestSpec } from '../load/request-spec.js';

export interface RateLoadResult {
  sent: number;
  ok: number;
  errors: number;
  /** Requests still unanswered when the load stopped (waited for up to 10 s). */
  unfinished: number;
  /** What the errors were: `status 503`, `ECONNRESET`, `timeout`, with their counts. */
  errorKinds: Record<string, number>;
}

export interface RateLoad {
  /** Stops sending and resolves once the requests in flight are answered (or 10 s passed). */
  stop(): Promise<RateLoadResult>;
}

const tickMs = 10;

/**
 * An open-loop load: `rate` requests per second, sent in 10 ms slices whatever the answers take (a slow gateway
 * gets more requests in flight, as it would from real clients), over a keep-alive agent.
 */
export function startRateLoad(origin: string, spec: RequestSpec, rate: number): RateLoad {
  const url = new URL(origin);
  // FIFO reuse keeps every kept-alive connection busy, so none idles into the server's keep-alive timeout and is
  // closed just as a request is sent on it (a client-side ECONNRESET that says nothing about the gateway).
  const agent = new Agent({ keepAlive: true, maxSockets: 64, scheduling: 'fifo' });
  const body = Buffer.from(spec.body);
  const headers = { ...spec.headers, 'content-length': String(body.length) };
  const result: RateLoadResult = { sent: 0, ok: 0, errors: 0, unfinished: 0, errorKinds: {} };
  let inFlight = 0;
  const startedAt = performance.now();
  const send = (): void => {
    result.sent += 1;
    inFlight += 1;
    let settled = false;
    const settle = (error: string | undefined): void => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
      if (error === undefined) result.ok += 1;
      else {
        result.errors += 1;
        result.errorKinds[error] = (result.errorKinds[error] ?? 0) + 1;
      }
    };
    const failed = (error: Error & { code?: string }) => settle(error.code ?? error.message);
    const req = request({ agent, host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      res.on('end', () => settle(status >= 200 && status < 300 ? undefined : `status ${status}`));
      res.on('error', failed);
    });
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', failed);
    req.end(body);
  };
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - startedAt) / 1000) * rate) - result.sent;
    for (let i = 0; i < due; i += 1) send();
  }, tickMs);
  return {
    async stop() {
      clearInterval(timer);
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      result.unfinished = inFlight;
      agent.destroy();
      return { ...result, errorKinds: { ...result.errorKinds } };
    },
  };
}
