import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions } from '../options.js';
import { readTreeRssBytes } from '../process/proc-stats.js';
import type { Placements } from '../process/placed-command.js';
import { getScenario } from '../scenarios/registry.js';
import { requestFor } from '../scenarios/scenario.js';
import { targetDefinitions } from '../targets/definitions.js';
import { startMock } from '../targets/start-mock.js';
import { startRateLoad, type RateLoadResult } from './rate-load.js';
import { summarizeRss, type RssSample, type RssSeriesSummary } from './rss-series.js';

export interface SoakResult {
  scenario: string;
  rate: number;
  seconds: number;
  sampleSeconds: number;
  workers: number;
  load: RateLoadResult;
  samples: RssSample[];
  summary: RssSeriesSummary;
}

/** Idle samples taken before the load starts. */
const idleSamples = 3;

/**
 * Soak mode: the mock and the gateway alone, `rate` non-streaming requests per second for `seconds`, the gateway's
 * RSS (all its processes with --workers) sampled every `sampleSeconds`, before the load (idle) and during it.
 */
export async function runSoak(options: BenchOptions, placements: Placements, log: (line: string) => void): Promise<SoakResult> {
  const scenario = getScenario(options.scenario);
  await mkdir(options.workDir, { recursive: true });
  const session = await scenario.open?.({ workDir: options.workDir, run: 1 });
  const mock = await startMock(placements.load, options.workDir);
  const samples: RssSample[] = [];
  try {
    const gateway = await targetDefinitions.gateway.start({
      proxyPlacement: placements.proxy,
      mockOrigin: mock.origin,
      mockPid: mock.pid,
      workDir: options.workDir,
      scenario,
      session,
      gatewayWorkers: options.workers,
    });
    try {
      const sample = async (atSeconds: number) => {
        const rss = await readTreeRssBytes(gateway.pid);
        samples.push({ atSeconds, rssMb: rss / 2 ** 20 });
      };
      for (let i = idleSamples; i > 0; i -= 1) {
        await sample(-i * options.soakSampleSeconds);
        await sleep(options.soakSampleSeconds * 1000);
      }
      log(`soak: ${options.soakRate} req/s for ${options.soakSeconds} s, RSS every ${options.soakSampleSeconds} s`);
      const load = startRateLoad(gateway.origin, requestFor(scenario, 'gateway', 'non-stream', mock.origin, session), options.soakRate);
      const started = performance.now();
      for (let next = 0; next <= options.soakSeconds; next += options.soakSampleSeconds) {
        const wait = started + next * 1000 - performance.now();
        if (wait > 0) await sleep(wait);
        await sample(next);
        if (next > 0 && next % 60 === 0) log(`soak: ${next} s, RSS ${samples.at(-1)?.rssMb.toFixed(1)} MB`);
      }
      const result = await load.stop();
      return {
        scenario: scenario.name,
        rate: options.soakRate,
        seconds: options.soakSeconds,
        sampleSeconds: options.soakSampleSeconds,
        workers: options.workers,
        load: result,
        samples,
        summary: summarizeRss(samples, options.soakSeconds),
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await mock.stop();
    await session?.close();
  }
}
