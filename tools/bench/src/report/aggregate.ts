import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import type { StreamMode, TargetName } from '../scenarios/scenario.js';

/** The mean of the finite values; NaN when there are none. */
export function mean(values: ReadonlyArray<number | null | undefined>): number {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return finite.length === 0 ? Number.NaN : finite.reduce((sum, value) => sum + value, 0) / finite.length;
}

export function ratio(value: number, reference: number): number {
  return Number.isFinite(value) && Number.isFinite(reference) && reference !== 0 ? value / reference : Number.NaN;
}

/** Points of one target at one mode and connection count, ordered by run. */
export function pointsOf(
  points: readonly PointResult[],
  target: TargetName,
  mode: StreamMode,
  connections: number,
): PointResult[] {
  return points
    .filter((point) => point.target === target && point.mode === mode && point.connections === connections)
    .sort((a, b) => a.run - b.run);
}

export function probesOf(probes: readonly ProbeRecord[], target: TargetName, mode: StreamMode): ProbeRecord[] {
  return probes.filter((probe) => probe.target === target && probe.mode === mode).sort((a, b) => a.run - b.run);
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Connection counts at which a proxy is saturated, so CPU per request is its capacity cost: 32 and more, or the
 * largest measured when none reaches 32 (smoke runs). At one connection idle-time work inflates the figure.
 */
export function capacityConnections(points: readonly PointResult[]): number[] {
  const all = distinct(points.map((point) => point.connections));
  const loaded = all.filter((connections) => connections >= 32);
  return loaded.length > 0 ? loaded : all.length > 0 ? [Math.max(...all)] : [];
}

/** Mean CPU µs/request of `target` in `mode` over the capacity connection counts and all runs. */
export function capacityCpu(points: readonly PointResult[], target: TargetName, mode: StreamMode): number {
  const connections = capacityConnections(points);
  return mean(
    points
      .filter((point) => point.target === target && point.mode === mode && connections.includes(point.connections))
      .map((point) => point.cpuMicrosPerRequest),
  );
}
