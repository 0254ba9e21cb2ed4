import { runWrk, type WrkResult } from '../load/run-wrk.js';
import type { Placement } from '../process/placed-command.js';
import { sampleRss } from '../process/rss-sampler.js';
import type { StreamMode } from '../scenarios/scenario.js';
import type { RunningTarget } from '../targets/target.js';
import { cpuDelta, takeCpuSnapshot } from './cpu-snapshot.js';
import { waitForQuiet } from './quiet-gate.js';
import type { PointResult } from './result-types.js';

export interface PointSettings {
  warmupSeconds: number;
  durationSeconds: number;
  loadPlacement: Placement;
  quietGateMaxWaitMs: number;
  quietGateThresholdPercent: number;
}

export interface PointPlan {
  run: number;
  target: RunningTarget;
  mode: StreamMode;
  connections: number;
  requestFile: string;
  /** Every process the bench started (mock and targets), for the other-tenant accounting. */
  ourPids: readonly number[];
}

function fromWrk(wrk: WrkResult, delta: ReturnType<typeof cpuDelta>, peakRss: number) {
  const seconds = wrk.durationUs / 1e6;
  return {
    requests: wrk.requests,
    requestsPerSecond: seconds > 0 ? wrk.requests / seconds : 0,
    latencyMs: {
      p50: wrk.latencyUs.p50 / 1_000,
      p90: wrk.latencyUs.p90 / 1_000,
      p99: wrk.latencyUs.p99 / 1_000,
      max: wrk.latencyUs.max / 1_000,
    },
    cpuMicrosPerRequest: wrk.requests > 0 ? (delta.serverCpuSeconds * 1e6) / wrk.requests : Number.NaN,
    serverCpuPercent: delta.serverCpuPercent,
    peakRssMb: peakRss / (1024 * 1024),
    errors: {
      socket: wrk.errors.connect + wrk.errors.read + wrk.errors.write,
      non2xx: wrk.errors.status,
      timeout: wrk.errors.timeout,
    },
    otherTenantCpuPercent: delta.otherTenantCpuPercent,
  };
}

/** Quiet gate, warm-up, then one measured wrk run with CPU and RSS accounting of the target's process. */
export async function measurePoint(plan: PointPlan, settings: PointSettings): Promise<PointResult> {
  const quietGate = await waitForQuiet({
    maxWaitMs: settings.quietGateMaxWaitMs,
    thresholdPercent: settings.quietGateThresholdPercent,
    ourPids: plan.ourPids,
  });
  const load = {
    url: plan.target.origin,
    requestFile: plan.requestFile,
    connections: plan.connections,
    placement: settings.loadPlacement,
  };
  if (settings.warmupSeconds > 0) await runWrk({ ...load, durationSeconds: settings.warmupSeconds });
  const rss = sampleRss(plan.target.pid);
  const before = await takeCpuSnapshot(plan.target.pid, plan.ourPids);
  let measured: { wrk: WrkResult; after: Awaited<ReturnType<typeof takeCpuSnapshot>> };
  let peakRss: number;
  try {
    const wrk = await runWrk({ ...load, durationSeconds: settings.durationSeconds });
    measured = { wrk, after: await takeCpuSnapshot(plan.target.pid, plan.ourPids) };
  } finally {
    peakRss = await rss.stop();
  }
  const identity = { run: plan.run, target: plan.target.name, mode: plan.mode, connections: plan.connections };
  return { ...identity, ...fromWrk(measured.wrk, cpuDelta(before, measured.after), peakRss), quietGate };
}
