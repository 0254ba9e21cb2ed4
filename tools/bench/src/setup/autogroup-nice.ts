import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * With the kernel's autogroup scheduling on (/proc/sys/kernel/sched_autogroup_enabled = 1), CPU is shared fairly
 * between sessions first, and `nice` only ranks processes inside one session. So that `--nice` also wins share
 * against other sessions' builds, the harness sets its session's autogroup niceness too; every process it starts
 * stays in that session. Returns a note for the report.
 */
export async function setAutogroupNice(nice: number): Promise<string> {
  const enabled = '/proc/sys/kernel/sched_autogroup_enabled';
  if (!existsSync(enabled) || (await readFile(enabled, 'utf8')).trim() !== '1') {
    return `nice ${nice} applies per process (autogroup scheduling is off)`;
  }
  try {
    await writeFile('/proc/self/autogroup', String(nice));
    return `nice ${nice} per process and for the bench's autogroup (${(await readFile('/proc/self/autogroup', 'utf8')).trim()})`;
  } catch (error) {
    return `nice ${nice} per process only: could not set the autogroup niceness (${(error as Error).message})`;
  }
}
