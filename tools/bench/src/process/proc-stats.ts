import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second for /proc times (USER_HZ). It is 100 on every Linux build Node supports. */
export const ticksPerSecond = 100;

export interface ProcessTimes {
  /** utime + stime of the process (all its threads), in ticks. */
  ownTicks: number;
  /** cutime + cstime: the children it has already waited for, in ticks. */
  childTicks: number;
}

/** Reads utime, stime, cutime and cstime from /proc/PID/stat. */
export async function readProcessTimes(pid: number | 'self'): Promise<ProcessTimes> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number): number => Number(fields[n - 3]);
  return { ownTicks: field(14) + field(15), childTicks: field(16) + field(17) };
}

export interface MachineTimes {
  /** Ticks all CPUs spent busy: everything except idle and iowait. */
  busyTicks: number;
  totalTicks: number;
}

/** Reads the aggregate "cpu" line of /proc/stat. */
export async function readMachineTimes(): Promise<MachineTimes> {
  const text = await readFile('/proc/stat', 'utf8');
  const line = text.split('\n', 1)[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const totalTicks = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busyTicks: totalTicks - idle, totalTicks };
}

/** Resident set size from /proc/PID/status (VmRSS), in bytes; undefined once the process is gone. */
export async function readRssBytes(pid: number): Promise<number | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(text);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The process and all its descendants (a gateway's cluster workers), from /proc/PID/task/TID/children. */
export async function processTree(pid: number): Promise<number[]> {
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) {
    const current = tree[index] as number;
    try {
      const tasks = await readdir(`/proc/${current}/task`);
      for (const task of tasks) {
        const children = await readFile(`/proc/${current}/task/${task}/children`, 'utf8').catch(() => '');
        for (const child of children.trim().split(/\s+/)) if (child !== '') tree.push(Number(child));
      }
    } catch {
      // the process is gone
    }
  }
  return tree;
}

/** VmRSS of a process and its descendants, in bytes (0 once they are gone). */
export async function readTreeRssBytes(pid: number): Promise<number> {
  const sizes = await Promise.all((await processTree(pid)).map(readRssBytes));
  return sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
}

/** utime + stime of a process and its live descendants, in ticks. */
export async function readTreeTicks(pid: number): Promise<number> {
  const times = await Promise.all((await processTree(pid)).map((member) => readProcessTimes(member).catch(() => ({ ownTicks: 0, childTicks: 0 }))));
  return times.reduce((sum, time) => sum + time.ownTicks, 0);
}
