import type { PointResult } from '../measure/result-types.js';
import type { StreamMode, TargetName } from '../scenarios/scenario.js';
import { distinct, mean, pointsOf, ratio } from './aggregate.js';
import { formatCount, formatNumber, formatRatio, formatRuns, markdownTable } from './format.js';

const modeTitle: Readonly<Record<StreamMode, string>> = {
  'non-stream': 'Non-streaming',
  stream: 'Streaming (20 chunks + [DONE]; latency = whole stream)',
};

function errorsOf(point: PointResult): number {
  return point.errors.socket + point.errors.non2xx + point.errors.timeout;
}

function absoluteRow(target: TargetName, runs: PointResult[]): string[] {
  const runsOf = (pick: (point: PointResult) => number, format = formatNumber): string =>
    formatRuns(runs.map(pick), format);
  return [
    target,
    runsOf((point) => point.requestsPerSecond),
    runsOf((point) => point.latencyMs.p50),
    runsOf((point) => point.latencyMs.p99),
    runsOf((point) => point.cpuMicrosPerRequest),
    runsOf((point) => point.serverCpuPercent),
    runsOf((point) => point.peakRssMb),
    runsOf(errorsOf, formatCount),
    runsOf((point) => point.otherTenantCpuPercent),
  ];
}

/** One table per mode and connection count; each cell is run 1 / run 2 / … */
export function renderPointTables(points: readonly PointResult[], targets: readonly TargetName[]): string {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'proxy CPU %', 'peak RSS MB', 'errors', 'other-tenant CPU %'];
  const sections: string[] = [];
  for (const mode of distinct(points.map((point) => point.mode))) {
    for (const connections of distinct(points.filter((point) => point.mode === mode).map((point) => point.connections))) {
      const rows = targets
        .map((target) => [target, pointsOf(points, target, mode, connections)] as const)
        .filter(([, runs]) => runs.length > 0)
        .map(([target, runs]) => absoluteRow(target, runs));
      const title = `#### ${modeTitle[mode]}, ${connections} connection${connections === 1 ? '' : 's'}`;
      sections.push(`${title}\n\n${markdownTable(header, rows)}`);
      const failures = targets.flatMap((target) => pointsOf(points, target, mode, connections))
        .filter((point) => point.failure !== undefined)
        .map((point) => `- run ${point.run} ${point.target}: ${point.failure}`);
      if (failures.length > 0) sections.push(failures.join('\n'));
    }
  }
  return sections.join('\n\n');
}

const ratioMetrics: ReadonlyArray<readonly [string, (point: PointResult) => number]> = [
  ['req/s', (point) => point.requestsPerSecond],
  ['p50', (point) => point.latencyMs.p50],
  ['p99', (point) => point.latencyMs.p99],
  ['CPU/req', (point) => point.cpuMicrosPerRequest],
  ['peak RSS', (point) => point.peakRssMb],
];

/** Each figure of each target divided by the bare proxy's and by Portkey's (means over runs). */
export function renderRatioTable(points: readonly PointResult[], targets: readonly TargetName[]): string {
  const references: TargetName[] = ['bare', 'portkey'];
  const header = ['mode', 'conns', 'target', ...ratioMetrics.flatMap(([name]) => references.map((ref) => `${name} ×${ref}`))];
  const rows: string[][] = [];
  for (const mode of distinct(points.map((point) => point.mode))) {
    for (const connections of distinct(points.filter((point) => point.mode === mode).map((point) => point.connections))) {
      const meanOf = (target: TargetName, pick: (point: PointResult) => number): number =>
        mean(pointsOf(points, target, mode, connections).map(pick));
      for (const target of targets) {
        if (pointsOf(points, target, mode, connections).length === 0) continue;
        const cells = ratioMetrics.flatMap(([, pick]) =>
          references.map((ref) => formatRatio(ratio(meanOf(target, pick), meanOf(ref, pick)))),
        );
        rows.push([mode, String(connections), target, ...cells]);
      }
    }
  }
  return markdownTable(header, rows);
}
