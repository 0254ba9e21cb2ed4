import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from './bench-result.js';
import { smokeDefaults } from './options.js';
import { writeResults } from './report/write-results.js';
import { runBench } from './run-bench.js';

// Runs the real harness in smoke mode (a few seconds, one short point per target and mode) so it does not rot.
// It asserts that every target that ran produced well-formed numbers, never what the numbers are.
describe('bench --smoke', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('measures every available target in both modes and writes result.json and result.md', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'switchyard-bench-'));
    dirs.push(scratch);
    const options = { ...smokeDefaults, workDir: join(scratch, 'work'), resultsDir: join(scratch, 'results') };
    const result = await runBench(options, ['--smoke']);

    // The gateway is built first (Nx ^build through the bench's implicit dependency), so it must take part.
    const ran = [...new Set(result.points.map((point) => point.target))];
    expect(result.skipped).toEqual([]);
    expect(ran).toEqual(['direct', 'bare', 'gateway']);

    expect(result.points).toHaveLength(ran.length * options.modes.length);
    for (const point of result.points) {
      expect(point.failure).toBeUndefined();
      expect(point.requests).toBeGreaterThan(0);
      for (const value of [point.requestsPerSecond, point.latencyMs.p50, point.latencyMs.p99, point.peakRssMb]) {
        expect(value).toBeGreaterThan(0);
      }
      expect(Number.isFinite(point.cpuMicrosPerRequest) && point.cpuMicrosPerRequest >= 0).toBe(true);
      expect(Number.isFinite(point.otherTenantCpuPercent) && point.otherTenantCpuPercent >= 0).toBe(true);
      expect(point.errors).toEqual({ socket: 0, non2xx: 0, timeout: 0 });
    }

    expect(result.probes).toHaveLength(ran.length * options.modes.length);
    for (const probe of result.probes) {
      expect(probe.failure).toBeUndefined();
      expect(probe.errors).toBe(0);
      expect(probe.ttfbMs.p50).toBeGreaterThan(0);
      expect(probe.totalMs.p99).toBeGreaterThanOrEqual(probe.ttfbMs.p50);
      // 20 chunks + [DONE] when streaming, a JSON body otherwise.
      expect(probe.sseEvents).toBe(probe.mode === 'stream' ? 21 : 0);
    }

    const dir = await writeResults(result, options.resultsDir);
    const written = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as BenchResult;
    expect(written.points).toHaveLength(result.points.length);
    expect(await readFile(join(dir, 'result.md'), 'utf8')).toContain('### Issue targets (gateway)');
  }, 180_000);
});
