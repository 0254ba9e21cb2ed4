import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import { openAiPassthrough } from '../scenarios/openai-passthrough.js';
import type { Scenario, StreamMode } from '../scenarios/scenario.js';
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

/**
 * The gateway against the performance targets of its issues for `scenario` (default: the OpenAI pass-through, the
 * only one with a bare-proxy ratio and a TTFB goal). CPU figures are at the capacity connection counts.
 */
export function issueTargetChecks(points: readonly PointResult[], probes: readonly ProbeRecord[], scenario: Scenario = openAiPassthrough): TargetCheck[] {
  const cpu = (mode: StreamMode) => capacityCpu(points, 'gateway', mode);
  const times = (mode: StreamMode) => ratio(cpu(mode), capacityCpu(points, 'bare', mode));
  const goals = scenario.cpuGoalsUs;
  const checks: TargetCheck[] = [];
  const bareGoal = scenario.bareRatioGoal;
  if (bareGoal !== undefined) {
    checks.push(check('foundation: CPU/req non-stream vs bare proxy', `≤ ${bareGoal}×`, times('non-stream'), '×', bareGoal));
    checks.push(check('foundation: CPU/req stream vs bare proxy', `≤ ${bareGoal}×`, times('stream'), '×', bareGoal));
  }
  checks.push(check(`${scenario.name}: CPU/req non-stream`, `≤ ${goals['non-stream']} µs`, cpu('non-stream'), 'µs', goals['non-stream']));
  checks.push(check(`${scenario.name}: CPU/req 20-chunk stream`, `≤ ${goals.stream} µs`, cpu('stream'), 'µs', goals.stream));
  if (bareGoal !== undefined) {
    checks.push(check('added TTFB p50 over direct, non-stream, 1 connection', '≤ 0.5 ms', addedTtfb(probes, 'non-stream'), 'ms', 0.5));
    checks.push(check('added TTFB p50 over direct, stream, 1 connection', '≤ 0.5 ms', addedTtfb(probes, 'stream'), 'ms', 0.5));
  }
  return checks;
}

export function renderIssueTargets(points: readonly PointResult[], probes: readonly ProbeRecord[], scenario?: Scenario): string {
  const verdict = (pass: boolean | undefined): string => (pass === undefined ? 'n/a' : pass ? 'met' : '**missed**');
  const rows = issueTargetChecks(points, probes, scenario).map((item) => [
    item.check,
    item.goal,
    `${formatNumber(item.measured)} ${item.unit}`,
    verdict(item.pass),
  ]);
  const at = capacityConnections(points).join(' and ');
  return `CPU per request is the mean over runs at ${at} connections (a saturated proxy).\n\n${markdownTable(['check', 'goal', 'gateway', 'verdict'], rows)}`;
}
