import type { ProbeRecord } from '../measure/result-types.js';
import type { TargetName } from '../scenarios/scenario.js';
import { distinct, mean, probesOf, ratio } from './aggregate.js';
import { formatCount, formatNumber, formatRatio, formatRuns, markdownTable } from './format.js';

/** The sequential TTFB probe (one connection): absolute per run, then added over direct and ratios (means). */
export function renderProbeTable(probes: readonly ProbeRecord[], targets: readonly TargetName[]): string {
  const header = [
    'mode', 'target', 'TTFB p50 ms', 'TTFB p99 ms', 'total p50 ms', 'total p99 ms',
    'added TTFB p50 ms', 'TTFB ×bare', 'TTFB ×portkey', 'chunks', 'SSE events', 'errors',
  ];
  const rows: string[][] = [];
  for (const mode of distinct(probes.map((probe) => probe.mode))) {
    const ttfb = (target: TargetName): number => mean(probesOf(probes, target, mode).map((probe) => probe.ttfbMs.p50));
    for (const target of targets) {
      const runs = probesOf(probes, target, mode);
      if (runs.length === 0) continue;
      const runsOf = (pick: (probe: ProbeRecord) => number, format = formatNumber): string =>
        formatRuns(runs.map(pick), format);
      rows.push([
        mode,
        target,
        runsOf((probe) => probe.ttfbMs.p50),
        runsOf((probe) => probe.ttfbMs.p99),
        runsOf((probe) => probe.totalMs.p50),
        runsOf((probe) => probe.totalMs.p99),
        target === 'direct' ? '–' : formatNumber(ttfb(target) - ttfb('direct')),
        formatRatio(ratio(ttfb(target), ttfb('bare'))),
        formatRatio(ratio(ttfb(target), ttfb('portkey'))),
        runsOf((probe) => probe.chunks, formatCount),
        runsOf((probe) => probe.sseEvents, formatCount),
        runsOf((probe) => probe.errors, formatCount),
      ]);
    }
  }
  const failures = probes
    .filter((probe) => probe.failure !== undefined)
    .map((probe) => `- run ${probe.run} ${probe.target} ${probe.mode}: ${probe.failure}`);
  return [markdownTable(header, rows), ...(failures.length > 0 ? [failures.join('\n')] : [])].join('\n\n');
}
