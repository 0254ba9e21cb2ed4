import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatNumber, markdownTable } from '../report/format.js';
import type { SoakResult } from './run-soak.js';

/** The soak's summary and its RSS series (one row per minute) as Markdown. */
export function renderSoak(result: SoakResult, command: string): string {
  const { summary, load } = result;
  const mb = (value: number) => `${formatNumber(value)} MB`;
  const rows = [
    ['idle RSS (before the load)', mb(summary.idleMb)],
    ['loaded RSS (median)', mb(summary.loadedMb)],
    ['peak RSS', mb(summary.peakMb)],
    [`first ${formatNumber(summary.windowSeconds)} s of load (mean)`, mb(summary.firstWindowMb)],
    [`last ${formatNumber(summary.windowSeconds)} s of load (mean)`, mb(summary.lastWindowMb)],
    ['slope after the first window (least squares)', `${formatNumber(summary.slopeMbPerMinute)} MB/min`],
    ['requests sent / ok / errors / unfinished', `${load.sent} / ${load.ok} / ${load.errors} / ${load.unfinished}`],
    ...(load.errors > 0 ? [['errors by kind', Object.entries(load.errorKinds).map(([kind, count]) => `${kind}: ${count}`).join(', ')]] : []),
  ];
  const perMinute = result.samples.filter((sample) => sample.atSeconds < 0 || sample.atSeconds % 60 === 0);
  const series = markdownTable(
    ['at', 'RSS MB'],
    perMinute.map((sample) => [sample.atSeconds < 0 ? `idle (${sample.atSeconds} s)` : `${sample.atSeconds / 60} min`, formatNumber(sample.rssMb)]),
  );
  return [
    `- soak: scenario \`${result.scenario}\`, ${result.rate} non-streaming requests/s for ${result.seconds} s, ${result.workers} worker(s), RSS of the gateway (all its processes) every ${result.sampleSeconds} s`,
    `- command: \`${command}\``,
    '',
    markdownTable(['figure', 'value'], rows),
    '',
    series,
    '',
  ].join('\n');
}

/** Writes soak.json and soak.md into `<resultsDir>/<timestamp>-soak/` and returns that folder. */
export async function writeSoak(result: SoakResult, resultsDir: string, command: string, startedAt: string): Promise<string> {
  const stamp = startedAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const dir = join(resultsDir, `${stamp}-soak`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(dir, 'soak.md'), renderSoak(result, command));
  return dir;
}
