import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { placedCommand, type Placement } from './placed-command.js';
import { waitForPort } from './wait-for-port.js';

export interface PinnedProcess {
  pid: number;
  /** Sends SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnPinnedOptions {
  placement: Placement;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** stdout and stderr are appended here (the bench's work dir), so a failed start can be read. */
  logFile: string;
  /** Port to wait for; the process counts as started once it accepts a connection. */
  port: number;
  startTimeoutMs?: number;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a process pinned to one CPU (and reniced when asked). The PID is the measured process itself.
 */
export async function spawnPinned(options: SpawnPinnedOptions): Promise<PinnedProcess> {
  const [command, args] = placedCommand(options.placement, options.command, options.args);
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const spawned = await Promise.race([
    once(child, 'spawn').then(() => true),
    once(child, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  if (!spawned || child.pid === undefined) throw new Error(`could not start ${options.command}`);
  try {
    await waitForPort(options.port, options.startTimeoutMs ?? 30_000, () => isRunning(child));
  } catch (error) {
    await stopChild(child, 1_000);
    throw new Error(`${(error as Error).message} (see ${options.logFile})`, { cause: error });
  }
  return { pid: child.pid, stop: (graceMs = 3_000) => stopChild(child, graceMs) };
}
