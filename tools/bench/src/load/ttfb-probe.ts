#!/usr/bin/env node
// Sequential TTFB probe, started by the bench as its own process pinned next to wrk:
// one keep-alive connection, `--warmup` unrecorded requests, then `--requests` recorded ones, one at a time.
// Prints one JSON line (ProbeResult). Bounded in count and in time (`--deadline-ms`).
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { RequestSpec } from './request-spec.js';
import { summarizeProbe, type ProbeSample } from './probe-summary.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    request: { type: 'string' },
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '20' },
    'deadline-ms': { type: 'string', default: '60000' },
  },
});
const target = new URL(values.url ?? 'http://127.0.0.1:1');
const spec = JSON.parse(readFileSync(values.request ?? '', 'utf8')) as RequestSpec;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const body = Buffer.from(spec.body);
const headers = { ...spec.headers, 'content-length': String(body.length) };

function once(): Promise<ProbeSample> {
  return new Promise((resolve) => {
    const start = performance.now();
    let firstByteMs = Number.NaN;
    let chunks = 0;
    let text = '';
    const req = request(
      { agent, host: target.hostname, port: target.port, method: spec.method, path: spec.path, headers },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          if (chunks === 0) firstByteMs = performance.now() - start;
          chunks += 1;
          text += chunk.toString('utf8');
        });
        res.on('end', () => {
          const sseEvents = text.match(/^data:/gm)?.length ?? 0;
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          resolve({ ok, firstByteMs, totalMs: performance.now() - start, chunks, sseEvents });
        });
        res.on('error', () => resolve({ ok: false, firstByteMs, totalMs: Number.NaN, chunks, sseEvents: 0 }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ ok: false, firstByteMs, totalMs: Number.NaN, chunks, sseEvents: 0 }));
    req.end(body);
  });
}

const deadline = Date.now() + Number(values['deadline-ms']);
const samples: ProbeSample[] = [];
for (let i = 0; i < Number(values.warmup) && Date.now() < deadline; i += 1) await once();
for (let i = 0; i < Number(values.requests) && Date.now() < deadline; i += 1) samples.push(await once());
agent.destroy();
process.stdout.write(`${JSON.stringify(summarizeProbe(samples))}\n`);
