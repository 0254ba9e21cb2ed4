import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import type { StreamMode, TargetName } from '../scenarios/scenario.js';

interface Identity {
  run: number;
  target: TargetName;
  mode: StreamMode;
}

const nan = Number.NaN;

/** The record of a point that could not be measured: every number NaN, the error kept. */
export function failedPoint(identity: Identity & { connections: number }, error: unknown): PointResult {
  return {
    ...identity,
    requests: 0,
    requestsPerSecond: nan,
    latencyMs: { p50: nan, p90: nan, p99: nan, max: nan },
    cpuMicrosPerRequest: nan,
    serverCpuPercent: nan,
    peakRssMb: nan,
    errors: { socket: 0, non2xx: 0, timeout: 0 },
    otherTenantCpuPercent: nan,
    quietGate: { waitedMs: 0, lastOtherTenantPercent: undefined },
    failure: (error as Error).message ?? String(error),
  };
}

export function failedProbe(identity: Identity, error: unknown): ProbeRecord {
  return {
    ...identity,
    requests: 0,
    errors: 0,
    ttfbMs: { p50: nan, p99: nan },
    totalMs: { p50: nan, p99: nan },
    chunks: nan,
    sseEvents: nan,
    failure: (error as Error).message ?? String(error),
  };
}
