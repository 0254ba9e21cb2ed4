import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import type { StreamMode } from '../scenarios/scenario.js';
import { capacityConnections, capacityCpu, mean, probesOf, ratio } from './aggregate.js';
import { formatNumber, markdownTable } from './format.js';

export interface TargetCheck {
  check: string;
  goal: string;
  measured: number;
  unit: string;
  /** undefined when the figure is missing (the gateway did not run). */
  pass: boolean | undefined;
}

function check(check: string, goal: string, measured: number, unit: string, limit: number): TargetCheck {
  return { check, goal, measured, unit, pass: Number.isFinite(measured) ? measured <= limit : undefined };
}

function addedTtfb(probes: readonly ProbeRecord[], mode: StreamMode): number {
  const p50 = (target: 'gateway' | 'direct') => mean(probesOf(probes, target, mode).map((probe) => probe.ttfbMs.p50));
  return p50('gateway') - p50('direct');
}

/** The gateway against the performance targets of its issues. CPU figures are at the capacity connection counts. */
export function issueTargetChecks(points: readonly PointResult[], probes: readonly ProbeRecord[]): TargetCheck[] {
  const cpu = (mode: StreamMode) => capacityCpu(points, 'gateway', mode);
  const times = (mode: StreamMode) => ratio(cpu(mode), capacityCpu(points, 'bare', mode));
  return [
    check('foundation: CPU/req non-stream vs bare proxy', '≤ 2×', times('non-stream'), '×', 2),
    check('foundation: CPU/req stream vs bare proxy', '≤ 2×', times('stream'), '×', 2),
    check('CPU/req non-stream', '≤ 150 µs', cpu('non-stream'), 'µs', 150),
    check('CPU/req 20-chunk stream', '≤ 250 µs', cpu('stream'), 'µs', 250),
    check('added TTFB p50 over direct, non-stream, 1 connection', '≤ 0.5 ms', addedTtfb(probes, 'non-stream'), 'ms', 0.5),
    check('added TTFB p50 over direct, stream, 1 connection', '≤ 0.5 ms', addedTtfb(probes, 'stream'), 'ms', 0.5),
  ];
}

export function renderIssueTargets(points: readonly PointResult[], probes: readonly ProbeRecord[]): string {
  const verdict = (pass: boolean | undefined): string => (pass === undefined ? 'n/a' : pass ? 'met' : '**missed**');
  const rows = issueTargetChecks(points, probes).map((item) => [
    item.check,
    item.goal,
    `${formatNumber(item.measured)} ${item.unit}`,
    verdict(item.pass),
  ]);
  const at = capacityConnections(points).join(' and ');
  return `CPU per request is the mean over runs at ${at} connections (a saturated proxy).\n\n${markdownTable(['check', 'goal', 'gateway', 'verdict'], rows)}`;
}
