import { placedCommand, type Placement } from '../process/placed-command.js';
import { runCommand } from '../process/run-command.js';
import { wrkScript } from '../paths.js';

export interface WrkErrors {
  connect: number;
  read: number;
  write: number;
  /** Responses with status >= 400 (wrk's own count). */
  status: number;
  timeout: number;
}

export interface WrkResult {
  requests: number;
  durationUs: number;
  bytes: number;
  errors: WrkErrors;
  latencyUs: { mean: number; max: number; p50: number; p90: number; p99: number };
}

export interface WrkOptions {
  url: string;
  requestFile: string;
  connections: number;
  durationSeconds: number;
  placement: Placement;
}

/** Parses the BENCH_JSON line lua/post.lua prints when wrk finishes. */
export function parseWrkOutput(stdout: string): WrkResult {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('BENCH_JSON '));
  if (line === undefined) throw new Error(`wrk printed no BENCH_JSON line:\n${stdout.slice(-800)}`);
  return JSON.parse(line.slice('BENCH_JSON '.length)) as WrkResult;
}

/** Runs wrk (one thread, keep-alive connections) against `url` and returns its summary. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const seconds = Math.max(1, Math.round(options.durationSeconds));
  const wrkArgs = [
    '-t1',
    `-c${options.connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    wrkScript,
    options.url,
    '--',
    options.requestFile,
  ];
  const [command, args] = placedCommand(options.placement, 'wrk', wrkArgs);
  const result = await runCommand(command, args, { timeoutMs: (seconds + 30) * 1_000 });
  if (result.code !== 0) throw new Error(`wrk exited with ${result.code}: ${result.stderr.slice(-800)}`);
  return parseWrkOutput(result.stdout);
}
