import type { ProbeResult } from '../load/probe-summary.js';
import type { StreamMode, TargetName } from '../scenarios/scenario.js';

/** One wrk measurement: one target, mode and connection count in one run. */
export interface PointResult {
  run: number;
  target: TargetName;
  mode: StreamMode;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** CPU time of the measured process per completed request, microseconds. */
  cpuMicrosPerRequest: number;
  /** Measured process, % of one core over the measurement. */
  serverCpuPercent: number;
  peakRssMb: number;
  errors: { socket: number; non2xx: number; timeout: number };
  /** VM busy minus the bench's processes, % of one core, during the measurement. */
  otherTenantCpuPercent: number;
  quietGate: { waitedMs: number; lastOtherTenantPercent: number | undefined };
  /** Set when the point could not be measured (the target died, wrk failed); the numbers are then NaN. */
  failure?: string;
}

/** One sequential TTFB probe: one target and mode in one run, one connection. */
export interface ProbeRecord extends ProbeResult {
  run: number;
  target: TargetName;
  mode: StreamMode;
  failure?: string;
}
