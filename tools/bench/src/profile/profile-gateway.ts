import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeRequestFiles } from '../load/request-spec.js';
import { runWrk } from '../load/run-wrk.js';
import { cpuDelta, takeCpuSnapshot } from '../measure/cpu-snapshot.js';
import { distScript } from '../paths.js';
import type { Placements } from '../process/placed-command.js';
import { requestFor, type Scenario, type StreamMode } from '../scenarios/scenario.js';
import { targetDefinitions } from '../targets/definitions.js';
import { startMock } from '../targets/start-mock.js';
import { summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './summarize-cpu-profile.js';

export interface GatewayProfile {
  mode: StreamMode;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  /** Under the profiler, which itself costs CPU: compare shapes, not this number, with the matrix. */
  cpuMicrosPerRequest: number;
  profileFile: string;
  summary: ProfileSummary;
}

export interface ProfileContext {
  scenario: Scenario;
  workDir: string;
  seconds: number;
  connections: number;
  placements: Placements;
}

interface LoadOutcome {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the gateway wrote no CPU profile to ${file}`);
    await sleep(100);
  }
}

/** Starts the mock and the gateway with the profiling preload, profiles one loaded window, writes `file`. */
async function loadGateway(context: ProfileContext, mode: StreamMode, file: string): Promise<LoadOutcome> {
  const session = await context.scenario.open?.({ workDir: context.workDir, run: 0 });
  const mock = await startMock(context.placements.load, context.workDir);
  try {
    const gateway = await targetDefinitions.gateway.start({
      proxyPlacement: context.placements.proxy,
      mockOrigin: mock.origin,
      mockPid: mock.pid,
      workDir: context.workDir,
      scenario: context.scenario,
      session,
      nodeFlags: ['--import', distScript('preload/profile-on-signal.js')],
      env: { SWITCHYARD_BENCH_PROFILE_FILE: file },
    });
    try {
      const spec = requestFor(context.scenario, 'gateway', mode, mock.origin, session);
      const files = await writeRequestFiles(context.workDir, `profile-${mode}`, spec);
      const load = { url: gateway.origin, requestFile: files.wrkFile, connections: context.connections, placement: context.placements.load };
      await runWrk({ ...load, durationSeconds: 2 });
      process.kill(gateway.pid, 'SIGUSR2');
      const before = await takeCpuSnapshot(gateway.pid, [mock.pid]);
      const wrk = await runWrk({ ...load, durationSeconds: context.seconds });
      const delta = cpuDelta(before, await takeCpuSnapshot(gateway.pid, [mock.pid]));
      process.kill(gateway.pid, 'SIGUSR2');
      await waitForFile(file, 30_000);
      return {
        requestsPerSecond: wrk.requests / (wrk.durationUs / 1e6),
        cpuMicrosPerRequest: (delta.serverCpuSeconds * 1e6) / Math.max(1, wrk.requests),
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await mock.stop();
    await session?.close();
  }
}

/**
 * Profiles the gateway under wrk load in one mode with V8's sampling profiler (the one behind `node --cpu-prof`),
 * limited to the measured window, and summarises where its CPU time goes.
 */
export async function profileGatewayMode(context: ProfileContext, mode: StreamMode): Promise<GatewayProfile> {
  const dir = join(context.workDir, 'profiles');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `gateway-${mode}-${Date.now()}.cpuprofile`);
  const outcome = await loadGateway(context, mode, file);
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  return {
    mode,
    connections: context.connections,
    seconds: context.seconds,
    ...outcome,
    profileFile: file,
    summary: summarizeCpuProfile(profile),
  };
}
