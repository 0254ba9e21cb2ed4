import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresUnreachableReason, testPostgresUrl } from '@switchyard/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from './bench-result.js';
import { smokeDefaults, type BenchOptions } from './options.js';
import { issueTargetChecks } from './report/issue-targets.js';
import { runBench } from './run-bench.js';
import { getScenario } from './scenarios/registry.js';
import { renderSoak } from './soak/render-soak.js';
import { runSoak } from './soak/run-soak.js';
import type { TargetName } from './scenarios/scenario.js';

// The scenarios beyond the OpenAI pass-through, each run for real in smoke mode (a second per point). Asserts that
// the targets answered complete answers without errors and that the numbers are well formed, never what they are.
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function smoke(scenario: string, targets: TargetName[], extra: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'switchyard-bench-'));
  dirs.push(scratch);
  const options = { ...smokeDefaults, scenario, targets, workDir: join(scratch, 'work'), resultsDir: join(scratch, 'results'), ...extra };
  return runBench(options, ['--smoke', '--scenario', scenario]);
}

function expectWellFormed(result: BenchResult, targets: TargetName[]): void {
  expect(result.skipped).toEqual([]);
  expect([...new Set(result.points.map((point) => point.target))]).toEqual(targets);
  for (const point of result.points) {
    expect(point.failure).toBeUndefined();
    expect(point.requests).toBeGreaterThan(0);
    expect(point.errors).toEqual({ socket: 0, non2xx: 0, timeout: 0 });
    expect(Number.isFinite(point.cpuMicrosPerRequest) && point.peakRssMb > 0).toBe(true);
  }
  for (const probe of result.probes) {
    expect(probe.failure).toBeUndefined();
    expect(probe.errors).toBe(0);
    expect(probe.sseEvents > 0).toBe(probe.mode === 'stream');
  }
  const scenario = getScenario(result.options.scenario);
  const checks = issueTargetChecks(result.points, result.probes, scenario);
  for (const mode of result.options.modes) {
    const name = `${scenario.name}: CPU/req ${mode === 'stream' ? '20-chunk stream' : 'non-stream'}`;
    expect(checks.find((check) => check.check === name)?.pass).not.toBeUndefined();
  }
}

async function servicesReachable(): Promise<string | undefined> {
  const postgres = await postgresUnreachableReason(testPostgresUrl());
  const redisUrl = process.env['SWITCHYARD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(redisUrl);
  const redis = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(undefined)));
    socket.once('error', () => resolve(`Redis is not reachable at ${redisUrl}`));
    socket.once('timeout', () => (socket.destroy(), resolve(`Redis is not reachable at ${redisUrl}`)));
  });
  const reason = postgres ?? redis;
  if (reason !== undefined && process.env['CI'] === 'true') throw new Error(reason);
  if (reason === undefined) {
    process.env['SWITCHYARD_BENCH_DATABASE_URL'] = testPostgresUrl();
    process.env['SWITCHYARD_BENCH_REDIS_URL'] = redisUrl;
  }
  return reason;
}

describe('bench --smoke, other scenarios', () => {
  it('anthropic: direct and bare speak Messages to the mock, the gateway translates OpenAI in and out', async () => {
    const targets: TargetName[] = ['direct', 'bare', 'gateway'];
    expectWellFormed(await smoke('anthropic', targets), targets);
  }, 180_000);

  it('governance-pglite: the gateway serves a virtual key with limits from a PGlite store', async () => {
    expectWellFormed(await smoke('governance-pglite', ['gateway']), ['gateway']);
  }, 180_000);

  it('governance-postgres: the same on Postgres and Redis', async (context) => {
    const skip = await servicesReachable();
    if (skip !== undefined) return context.skip(skip);
    expectWellFormed(await smoke('governance-postgres', ['gateway']), ['gateway']);
  }, 180_000);

  it('--soak: a fixed rate against the gateway alone, RSS sampled before and during the load', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'switchyard-soak-'));
    dirs.push(scratch);
    const options = { ...smokeDefaults, soakSeconds: 3, soakRate: 40, soakSampleSeconds: 1, workDir: join(scratch, 'work'), resultsDir: join(scratch, 'results') };
    const placements = { proxy: { cpu: undefined, nice: 0 }, load: { cpu: undefined, nice: 0 } };
    const result = await runSoak(options, placements, () => {});
    expect(result.samples.map((sample) => sample.atSeconds)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(result.samples.every((sample) => sample.rssMb > 0)).toBe(true);
    expect(result.load.sent).toBeGreaterThan(0);
    expect(result.load).toMatchObject({ errors: 0, unfinished: 0 });
    expect(result.load.ok).toBe(result.load.sent);
    expect(Number.isFinite(result.summary.idleMb) && Number.isFinite(result.summary.slopeMbPerMinute)).toBe(true);
    expect(renderSoak(result, 'npm run bench -- --soak 3')).toContain('loaded RSS (median)');
  }, 60_000);

  it('--workers 2: the gateway runs as a cluster, measured as one target', async () => {
    const result = await smoke('openai', ['gateway'], { workers: 2, modes: ['non-stream'] });
    expectWellFormed(result, ['gateway']);
  }, 180_000);
});
