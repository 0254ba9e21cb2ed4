import type { PointResult, ProbeRecord } from '../measure/result-types.js';
import { runPass, type PassContext } from './run-pass.js';
import type { SkippedTarget } from './start-targets.js';

export interface MatrixOutcome {
  points: PointResult[];
  probes: ProbeRecord[];
  /** Targets left out, with the reason (once per target, from the first run that skipped it). */
  skipped: SkippedTarget[];
}

/** Runs the whole matrix `options.runs` times; each pass restarts every process, so runs interleave. */
export async function runMatrix(context: Omit<PassContext, 'run'>): Promise<MatrixOutcome> {
  const outcome: MatrixOutcome = { points: [], probes: [], skipped: [] };
  for (let run = 1; run <= context.options.runs; run += 1) {
    const pass = await runPass({ ...context, run });
    outcome.points.push(...pass.points);
    outcome.probes.push(...pass.probes);
    for (const skip of pass.skipped) {
      if (!outcome.skipped.some((known) => known.target === skip.target)) outcome.skipped.push(skip);
    }
  }
  return outcome;
}
