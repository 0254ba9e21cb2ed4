import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRequestFiles } from '../load/request-spec.js';
import { runWrk } from '../load/run-wrk.js';
import { cpuDelta, takeCpuSnapshot } from '../measure/cpu-snapshot.js';
import type { Scenario, StreamMode } from '../scenarios/scenario.js';
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
  cpus: { proxy: number | undefined; load: number | undefined };
}

async function readProfile(dir: string): Promise<{ file: string; profile: CpuProfile }> {
  const name = (await readdir(dir)).find((entry) => entry.endsWith('.cpuprofile'));
  if (name === undefined) throw new Error(`the gateway wrote no .cpuprofile into ${dir}`);
  const file = join(dir, name);
  return { file, profile: JSON.parse(await readFile(file, 'utf8')) as CpuProfile };
}

interface LoadOutcome {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

async function loadGateway(context: ProfileContext, mode: StreamMode, dir: string): Promise<LoadOutcome> {
  const mock = await startMock(context.cpus.load, context.workDir);
  try {
    const gateway = await targetDefinitions.gateway.start({
      proxyCpu: context.cpus.proxy,
      mockOrigin: mock.origin,
      mockPid: mock.pid,
      workDir: context.workDir,
      scenario: context.scenario,
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    try {
      const spec = context.scenario.request('gateway', mode, mock.origin);
      const files = await writeRequestFiles(dir, `gateway-${mode}`, spec);
      const load = { url: gateway.origin, requestFile: files.wrkFile, connections: context.connections, cpu: context.cpus.load };
      await runWrk({ ...load, durationSeconds: 1 });
      const before = await takeCpuSnapshot(gateway.pid, [mock.pid]);
      const wrk = await runWrk({ ...load, durationSeconds: context.seconds });
      const delta = cpuDelta(before, await takeCpuSnapshot(gateway.pid, [mock.pid]));
      return {
        requestsPerSecond: wrk.requests / (wrk.durationUs / 1e6),
        cpuMicrosPerRequest: (delta.serverCpuSeconds * 1e6) / Math.max(1, wrk.requests),
      };
    } finally {
      // SIGTERM: the exit-on-term preload turns it into process.exit, which makes --cpu-prof write the profile.
      await gateway.stop();
    }
  } finally {
    await mock.stop();
  }
}

/** Runs the gateway under `node --cpu-prof` with wrk load in one mode and summarises where its CPU time goes. */
export async function profileGatewayMode(context: ProfileContext, mode: StreamMode): Promise<GatewayProfile> {
  const dir = join(context.workDir, `profile-${mode}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  const outcome = await loadGateway(context, mode, dir);
  const { file, profile } = await readProfile(dir);
  return {
    mode,
    connections: context.connections,
    seconds: context.seconds,
    ...outcome,
    profileFile: file,
    summary: summarizeCpuProfile(profile),
  };
}
