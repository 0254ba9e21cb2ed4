import { placedCommand, type Placement } from '../process/placed-command.js';
import { runCommand } from '../process/run-command.js';
import { distScript } from '../paths.js';
import type { ProbeResult } from './probe-summary.js';

export interface TtfbProbeOptions {
  url: string;
  requestJsonFile: string;
  requests: number;
  warmup: number;
  placement: Placement;
  deadlineMs: number;
}

/** Runs dist/load/ttfb-probe.js as its own process (pinned like wrk) and returns its summary. */
export async function runTtfbProbe(options: TtfbProbeOptions): Promise<ProbeResult> {
  const probeArgs = [
    distScript('load/ttfb-probe.js'),
    `--url=${options.url}`,
    `--request=${options.requestJsonFile}`,
    `--requests=${options.requests}`,
    `--warmup=${options.warmup}`,
    `--deadline-ms=${options.deadlineMs}`,
  ];
  const [command, args] = placedCommand(options.placement, process.execPath, probeArgs);
  const result = await runCommand(command, args, { timeoutMs: options.deadlineMs + 30_000 });
  if (result.code !== 0) throw new Error(`TTFB probe exited with ${result.code}: ${result.stderr.slice(-800)}`);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ProbeResult;
}
