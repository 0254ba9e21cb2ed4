import type { BenchResult } from '../bench-result.js';
import { allTargetNames } from '../targets/definitions.js';
import { scenarios } from '../scenarios/registry.js';
import type { Scenario } from '../scenarios/scenario.js';
import { renderIssueTargets } from './issue-targets.js';
import { renderProfiles } from './markdown-profile.js';
import { renderPointTables, renderRatioTable } from './markdown-points.js';
import { renderProbeTable } from './markdown-probes.js';

function scenarioOf(result: BenchResult): Scenario | undefined {
  return scenarios[result.options.scenario];
}

function header(result: BenchResult): string {
  const { machine, versions, options } = result;
  const { proxy, load } = result.placements;
  const placement =
    (proxy.cpu === undefined ? 'unpinned' : `proxy on CPU ${proxy.cpu}; mock, wrk and probe on CPU ${load.cpu}`) +
    (proxy.nice === 0 ? '' : `; all under nice -n ${proxy.nice}`);
  const portkey = versions.portkey
    ? Object.entries(versions.portkey).map(([name, version]) => `${name} ${version}`).join(', ')
    : 'not run';
  return [
    `- scenario: \`${options.scenario}\`${options.smoke ? ' (smoke)' : ''} (${scenarioOf(result)?.summary ?? '?'}); ${options.runs} interleaved run(s); ` +
      `${options.warmupSeconds} s warm-up + ${options.durationSeconds} s per point; TTFB probe ${options.ttfbRequests} sequential requests`,
    `- machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGb} GB, Linux ${machine.kernel}, Node ${machine.node}; ${placement}`,
    `- versions: commit ${machine.commit}; ${versions.wrk ?? 'wrk ?'}; @switchyard/mock-provider ${versions.mockProvider ?? '?'}; ` +
      `gateway ${versions.gateway ?? 'absent'}; Portkey: ${portkey}`,
    `- command: \`pnpm --filter @switchyard/bench bench${result.argv.length > 0 ? ` ${result.argv.join(' ')}` : ''}\`` +
      ` (${result.startedAt} → ${result.finishedAt})`,
    ...result.skipped.map((skip) => `- skipped **${skip.target}**: ${skip.reason}`),
    ...result.notes.map((note) => `- note: ${note}`),
  ].join('\n');
}

/** The whole report as Markdown, ready to paste into docs/benchmarks.md. */
export function renderMarkdown(result: BenchResult): string {
  const targets = allTargetNames.filter((name) => result.points.some((point) => point.target === name));
  const sections = [
    header(result),
    `### Throughput and latency (wrk${result.options.runs > 1 ? '; cells are run 1 / run 2 / …' : ''})\n\n${renderPointTables(result.points, targets)}`,
    `### Ratios to the bare proxy and to Portkey (means over runs)\n\n${renderRatioTable(result.points, targets)}`,
    `### Time to first byte (sequential probe, 1 connection)\n\n${renderProbeTable(result.probes, targets)}`,
    `### Issue targets (gateway)\n\n${renderIssueTargets(result.points, result.probes, scenarioOf(result))}`,
  ];
  if (result.profiles.length > 0) sections.push(`### Gateway CPU profile\n\n${renderProfiles(result.profiles)}`);
  return `${sections.join('\n\n')}\n`;
}

/** The short form the CLI prints by default: the throughput tables and the issue targets. */
export function renderSummary(result: BenchResult): string {
  const targets = allTargetNames.filter((name) => result.points.some((point) => point.target === name));
  const skipped = result.skipped.map((skip) => `- skipped **${skip.target}**: ${skip.reason}`).join('\n');
  return [
    renderPointTables(result.points, targets),
    `#### Issue targets (gateway)\n\n${renderIssueTargets(result.points, result.probes, scenarioOf(result))}`,
    ...(skipped ? [skipped] : []),
    'Full report (ratios, TTFB, profile): result.md in the results folder, or run with --markdown.',
  ].join('\n\n') + '\n';
}
