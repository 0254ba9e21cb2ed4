import { commandExists, runCommand } from '../process/run-command.js';

/** wrk's version line, e.g. "wrk 4.1.0 [epoll] ...". */
export async function wrkVersion(): Promise<string | undefined> {
  const result = await runCommand('wrk', ['-v'], { timeoutMs: 10_000 });
  if (result.code === 127) return undefined;
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.replace(/\s+Copyright.*$/, '').trim();
}

/**
 * Makes sure `wrk` is on PATH, installing Debian's package with apt-get when it is not (the bench runs as root on
 * the project's machines). Returns the version line.
 */
export async function ensureWrk(log: (line: string) => void): Promise<string> {
  const present = await wrkVersion();
  if (present) return present;
  if (!(await commandExists('apt-get', ['--version']))) {
    throw new Error('wrk is not installed and apt-get is not available: install wrk 4.x and put it on PATH');
  }
  log('wrk not found: apt-get update && apt-get install -y wrk');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update'], { env, timeoutMs: 300_000 });
  if (update.code !== 0) throw new Error(`apt-get update failed (${update.code}): ${update.stderr.slice(-500)}`);
  const install = await runCommand('apt-get', ['install', '-y', 'wrk'], { env, timeoutMs: 300_000 });
  if (install.code !== 0) throw new Error(`apt-get install -y wrk failed (${install.code}): ${install.stderr.slice(-500)}`);
  const installed = await wrkVersion();
  if (!installed) throw new Error('apt-get installed wrk but it is still not on PATH');
  return installed;
}
