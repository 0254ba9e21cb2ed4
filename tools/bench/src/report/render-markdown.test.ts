import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../bench-result.js';
import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import { smokeDefaults } from '../options.js';
import type { StreamMode, TargetName } from '../scenarios/scenario.js';
import { issueTargetChecks } from './issue-targets.js';
import { renderMarkdown } from './render-markdown.js';

const cpuOf: Record<TargetName, number> = { direct: 25, bare: 80, gateway: 160, portkey: 1_000 };
const ttfbOf: Record<TargetName, number> = { direct: 0.2, bare: 0.5, gateway: 0.9, portkey: 2 };

function point(target: TargetName, mode: StreamMode, connections: number, run: number): PointResult {
  return {
    run,
    target,
    mode,
    connections,
    requests: 1_000,
    requestsPerSecond: 1e6 / cpuOf[target],
    latencyMs: { p50: cpuOf[target] / 100, p90: 1, p99: cpuOf[target] / 50, max: 5 },
    cpuMicrosPerRequest: cpuOf[target] + (mode === 'stream' ? 40 : 0),
    serverCpuPercent: 99,
    peakRssMb: 80,
    errors: { socket: 0, non2xx: 0, timeout: 0 },
    otherTenantCpuPercent: 3,
    quietGate: { waitedMs: 1_000, lastOtherTenantPercent: 2 },
  };
}

function probe(target: TargetName, mode: StreamMode, run: number): ProbeRecord {
  const ttfb = ttfbOf[target];
  return { run, target, mode, requests: 300, errors: 0, ttfbMs: { p50: ttfb, p99: 3 * ttfb }, totalMs: { p50: ttfb, p99: 3 }, chunks: 1, sseEvents: 0 };
}

const targets: TargetName[] = ['direct', 'bare', 'gateway', 'portkey'];
const modes: StreamMode[] = ['non-stream', 'stream'];
const runs = [1, 2];

const result: BenchResult = {
  startedAt: '2026-11-27T05:00:00.000Z',
  finishedAt: '2026-11-27T05:10:00.000Z',
  argv: [],
  options: { ...smokeDefaults, smoke: false, runs: 2, connections: [1, 32] },
  machine: { nproc: 2, cpuModel: 'AMD EPYC', memoryGb: 24, kernel: '6.18', node: 'v20.20.2', commit: 'abc1234' },
  placements: { proxy: { cpu: 0, nice: 0 }, load: { cpu: 1, nice: 0 } },
  versions: { wrk: 'wrk 4.1.0', mockProvider: '0.1.0', gateway: '0.1.0', portkey: { '@portkey-ai/gateway': '1.15.2' } },
  skipped: [],
  notes: [],
  points: runs.flatMap((run) =>
    modes.flatMap((mode) => [1, 32].flatMap((connections) => targets.map((target) => point(target, mode, connections, run)))),
  ),
  probes: runs.flatMap((run) => modes.flatMap((mode) => targets.map((target) => probe(target, mode, run)))),
  profiles: [],
};

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(result);

  it('has a table per mode and connection count, with both runs in each cell', () => {
    expect(markdown).toContain('#### Non-streaming, 32 connections');
    expect(markdown).toContain('#### Streaming (20 chunks + [DONE]; latency = whole stream), 1 connection');
    expect(markdown).toMatch(/\| gateway \| 6,250 \/ 6,250 \|/);
  });

  it('gives ratios to the bare proxy and to Portkey', () => {
    // gateway non-stream CPU/req 160 µs: 2× bare (80), 0.16× Portkey (1,000)
    expect(markdown).toMatch(/\| non-stream \| 32 \| gateway \|.*\| 2\.00× \| 0\.16× \|/);
  });

  it('reports added TTFB over direct', () => {
    expect(markdown).toMatch(/\| non-stream \| gateway \| 0\.90 \/ 0\.90 \|.*\| 0\.70 \|/);
  });
});

describe('issueTargetChecks', () => {
  it('judges the gateway at the saturated connection counts only', () => {
    const checks = issueTargetChecks(result.points, result.probes);
    expect(checks.map((item) => [item.measured, item.pass])).toEqual([
      [2, true],
      [200 / 120, true],
      [160, false],
      [200, true],
      [expect.closeTo(0.7), false],
      [expect.closeTo(0.7), false],
    ]);
  });

  it('says n/a when the gateway did not run', () => {
    const withoutGateway = result.points.filter((item) => item.target !== 'gateway');
    expect(issueTargetChecks(withoutGateway, []).every((item) => item.pass === undefined)).toBe(true);
  });
});
