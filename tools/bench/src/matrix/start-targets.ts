import type { Scenario, StreamMode, TargetName } from '../scenarios/scenario.js';
import { targetDefinitions } from '../targets/definitions.js';
import type { RunningTarget, TargetStartContext } from '../targets/target.js';
import { verifyTarget } from './verify-target.js';

export interface SkippedTarget {
  target: TargetName;
  reason: string;
}

export interface StartedTargets {
  running: RunningTarget[];
  skipped: SkippedTarget[];
}

/** Why `name` is left out of this scenario, or undefined when it takes part. */
export function skipReason(name: TargetName, scenario: Scenario, portkeyEntry: string | undefined): string | undefined {
  if (scenario.unsupportedTargets?.includes(name)) return `scenario "${scenario.name}" does not apply to it`;
  return targetDefinitions[name].unavailableReason(portkeyEntry === undefined ? {} : { portkeyEntry });
}

async function startVerified(name: TargetName, context: TargetStartContext, modes: readonly StreamMode[]) {
  const target = await targetDefinitions[name].start(context);
  const problem = await verifyTarget(target, context.scenario, modes, context.mockOrigin, context.session);
  if (problem === undefined) return target;
  await target.stop();
  throw new Error(problem);
}

/**
 * Starts the requested targets one after the other and checks each answers a real completion in every mode;
 * one that is unavailable, fails to start or fails the check is skipped with the reason.
 */
export async function startTargets(
  names: readonly TargetName[],
  modes: readonly StreamMode[],
  context: TargetStartContext,
): Promise<StartedTargets> {
  const running: RunningTarget[] = [];
  const skipped: SkippedTarget[] = [];
  for (const name of names) {
    const reason = skipReason(name, context.scenario, context.portkeyEntry);
    if (reason !== undefined) {
      skipped.push({ target: name, reason });
      continue;
    }
    try {
      running.push(await startVerified(name, context, modes));
    } catch (error) {
      skipped.push({ target: name, reason: (error as Error).message });
    }
  }
  return { running, skipped };
}
