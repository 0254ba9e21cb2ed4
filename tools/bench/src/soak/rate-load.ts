import { Agent, request } from 'node:http';
import type { RequestSpec } from '../load/request-spec.js';

export interface RateLoadResult {
  sent: number;
  ok: number;
  errors: number;
  /** Requests still unanswered when the load stopped (waited for up to 10 s). */
  unfinished: number;
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
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const body = Buffer.from(spec.body);
  const headers = { ...spec.headers, 'content-length': String(body.length) };
  const result: RateLoadResult = { sent: 0, ok: 0, errors: 0, unfinished: 0 };
  let inFlight = 0;
  const startedAt = performance.now();
  const send = (): void => {
    result.sent += 1;
    inFlight += 1;
    const settle = (ok: boolean): void => {
      inFlight -= 1;
      if (ok) result.ok += 1;
      else result.errors += 1;
    };
    const req = request({ agent, host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers }, (res) => {
      res.resume();
      res.on('end', () => settle((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
      res.on('error', () => settle(false));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => settle(false));
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
      return { ...result };
    },
  };
}
