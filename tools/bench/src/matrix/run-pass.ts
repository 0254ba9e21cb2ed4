import { mkdir } from 'node:fs/promises';
import { writeRequestFiles, type RequestFiles } from '../load/request-spec.js';
import { runTtfbProbe } from '../load/run-ttfb-probe.js';
import { measurePoint, type PointSettings } from '../measure/measure-point.js';
import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import type { BenchOptions } from '../options.js';
import type { Placements } from '../process/placed-command.js';
import { requestFor, type Scenario, type ScenarioSession, type StreamMode } from '../scenarios/scenario.js';
import { startMock } from '../targets/start-mock.js';
import type { RunningTarget } from '../targets/target.js';
import { failedPoint, failedProbe } from './failed-results.js';
import { startTargets, type SkippedTarget } from './start-targets.js';

export interface PassContext {
  run: number;
  options: BenchOptions;
  scenario: Scenario;
  portkeyEntry: string | undefined;
  placements: Placements;
  log: (line: string) => void;
}

export interface PassOutcome {
  points: PointResult[];
  probes: ProbeRecord[];
  skipped: SkippedTarget[];
}

async function probe(context: PassContext, target: RunningTarget, mode: StreamMode, files: RequestFiles) {
  const identity = { run: context.run, target: target.name, mode };
  try {
    const result = await runTtfbProbe({
      url: target.origin,
      requestJsonFile: files.jsonFile,
      requests: context.options.ttfbRequests,
      warmup: context.options.ttfbWarmup,
      placement: context.placements.load,
      deadlineMs: context.options.smoke ? 15_000 : 120_000,
    });
    return { ...identity, ...result };
  } catch (error) {
    return failedProbe(identity, error);
  }
}

function pointSettings(context: PassContext): PointSettings {
  const { options } = context;
  return {
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    loadPlacement: context.placements.load,
    quietGateMaxWaitMs: options.quietGateMaxWaitMs,
    quietGateThresholdPercent: options.quietGateThresholdPercent,
  };
}

interface ModeInput {
  targets: RunningTarget[];
  mode: StreamMode;
  mockOrigin: string;
  ourPids: number[];
  session: ScenarioSession | undefined;
}

async function measureMode(context: PassContext, { targets, mode, mockOrigin, ourPids, session }: ModeInput) {
  const files = new Map<RunningTarget, RequestFiles>();
  for (const target of targets) {
    const spec = requestFor(context.scenario, target.name, mode, mockOrigin, session);
    files.set(target, await writeRequestFiles(context.options.workDir, `${target.name}-${mode}`, spec));
  }
  const probes: ProbeRecord[] = [];
  for (const target of targets) probes.push(await probe(context, target, mode, files.get(target) as RequestFiles));
  const points: PointResult[] = [];
  for (const connections of context.options.connections) {
    for (const target of targets) {
      const identity = { run: context.run, target: target.name, mode, connections };
      context.log(`run ${context.run}: ${target.name} ${mode} c=${connections}`);
      const requestFile = (files.get(target) as RequestFiles).wrkFile;
      const plan = { ...identity, target, requestFile, ourPids };
      points.push(await measurePoint(plan, pointSettings(context)).catch((error) => failedPoint(identity, error)));
    }
  }
  return { probes, points };
}

/**
 * One pass over the whole matrix with fresh processes: the mock on the load CPU, every target on the proxy CPU,
 * then for each mode the TTFB probes and the wrk points, targets interleaved within each point.
 */
export async function runPass(context: PassContext): Promise<PassOutcome> {
  await mkdir(context.options.workDir, { recursive: true });
  const opened = await openSession(context);
  const mock = await startMock(context.placements.load, context.options.workDir);
  const startContext = {
    proxyPlacement: context.placements.proxy,
    mockOrigin: mock.origin,
    mockPid: mock.pid,
    workDir: context.options.workDir,
    scenario: context.scenario,
    session: opened.session,
    gatewayWorkers: context.options.workers,
    ...(context.portkeyEntry === undefined ? {} : { portkeyEntry: context.portkeyEntry }),
  };
  const names = opened.skipped ? context.options.targets.filter((name) => name !== 'gateway') : context.options.targets;
  const { running, skipped } = await startTargets(names, context.options.modes, startContext);
  const outcome: PassOutcome = { points: [], probes: [], skipped: [...(opened.skipped ? [opened.skipped] : []), ...skipped] };
  try {
    const ourPids = [mock.pid, ...running.map((target) => target.pid)];
    for (const mode of context.options.modes) {
      const input = { targets: running, mode, mockOrigin: mock.origin, ourPids, session: opened.session };
      const { probes, points } = await measureMode(context, input);
      outcome.probes.push(...probes);
      outcome.points.push(...points);
    }
  } finally {
    for (const target of running) await target.stop();
    await mock.stop();
    await opened.session?.close();
  }
  return outcome;
}

/** The scenario's per-run state (a store with a virtual key); when it cannot be prepared the gateway is skipped. */
async function openSession(context: PassContext): Promise<{ session?: ScenarioSession; skipped?: SkippedTarget }> {
  if (context.scenario.open === undefined || !context.options.targets.includes('gateway')) return {};
  try {
    const session = await context.scenario.open({ workDir: context.options.workDir, run: context.run });
    context.log(`run ${context.run}: ${session.description}`);
    return { session };
  } catch (error) {
    return { skipped: { target: 'gateway', reason: `scenario "${context.scenario.name}" could not be prepared: ${(error as Error).message}` } };
  }
}
