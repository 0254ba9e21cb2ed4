import { join } from 'node:path';
import { freePort } from '../process/free-port.js';
import { spawnPinned } from '../process/spawn-pinned.js';
import type { TargetName } from '../scenarios/scenario.js';
import type { RunningTarget, TargetStartContext } from './target.js';

/** Starts `node [flags] script [args]` pinned to the proxy CPU on a free port; `args` gets the port. */
export async function startNodeTarget(
  name: TargetName,
  context: TargetStartContext,
  script: string,
  args: (port: number) => string[],
  preloads: readonly string[] = [],
): Promise<RunningTarget> {
  const port = await freePort();
  const flags = [...preloads.flatMap((preload) => ['--import', preload]), ...(context.nodeFlags ?? [])];
  const child = await spawnPinned({
    placement: context.proxyPlacement,
    command: process.execPath,
    args: [...flags, script, ...args(port)],
    env: { NODE_ENV: 'production', ...context.env },
    logFile: join(context.workDir, `${name}.log`),
    port,
  });
  return { name, origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.stop() };
}
