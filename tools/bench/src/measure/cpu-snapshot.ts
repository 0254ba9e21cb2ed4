import { performance } from 'node:perf_hooks';
import { readMachineTimes, readProcessTimes, readTreeTicks, ticksPerSecond, type MachineTimes } from '../process/proc-stats.js';

export interface CpuSnapshot {
  atMs: number;
  machine: MachineTimes;
  /** Ticks of the measured process (and its descendants). */
  serverTicks: number;
  /** Ticks of every process of the bench: its own (and its reaped children: wrk, the probe) and all it started. */
  ourTicks: number;
}

/** A process with its descendants: a gateway started with --workers is its primary and the workers. */
function ticksOf(pid: number): Promise<number> {
  return readTreeTicks(pid);
}

/** Reads the machine's and our processes' CPU counters at one instant. */
export async function takeCpuSnapshot(serverPid: number, ourPids: readonly number[]): Promise<CpuSnapshot> {
  const self = await readProcessTimes('self');
  const pids = [...new Set([serverPid, ...ourPids])];
  const ticks = await Promise.all(pids.map(ticksOf));
  return {
    atMs: performance.now(),
    machine: await readMachineTimes(),
    serverTicks: ticks[0] ?? 0,
    ourTicks: ticks.reduce((sum, value) => sum + value, 0) + self.ownTicks + self.childTicks,
  };
}

export interface CpuDelta {
  elapsedSeconds: number;
  /** CPU seconds of the measured process. */
  serverCpuSeconds: number;
  /** Measured process, % of one core. */
  serverCpuPercent: number;
  /** VM busy minus our processes, % of one core. */
  otherTenantCpuPercent: number;
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuDelta {
  const elapsedSeconds = (after.atMs - before.atMs) / 1_000;
  const serverCpuSeconds = (after.serverTicks - before.serverTicks) / ticksPerSecond;
  const busySeconds = (after.machine.busyTicks - before.machine.busyTicks) / ticksPerSecond;
  const ourSeconds = (after.ourTicks - before.ourTicks) / ticksPerSecond;
  const percent = (seconds: number): number => (elapsedSeconds > 0 ? (100 * seconds) / elapsedSeconds : 0);
  return {
    elapsedSeconds,
    serverCpuSeconds,
    serverCpuPercent: percent(serverCpuSeconds),
    otherTenantCpuPercent: Math.max(0, percent(busySeconds - ourSeconds)),
  };
}
