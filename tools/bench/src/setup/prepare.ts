import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../options.js';
import type { Placements } from '../process/placed-command.js';
import { commandExists } from '../process/run-command.js';
import { workspaceRoot } from '../paths.js';
import { ensurePortkey, findPortkey, type PortkeyInstall } from './ensure-portkey.js';
import { setAutogroupNice } from './autogroup-nice.js';
import { ensureWrk, wrkVersion } from './ensure-wrk.js';
import type { SkippedTarget } from '../matrix/start-targets.js';

export interface Prepared {
  wrk: string;
  portkey: PortkeyInstall | undefined;
  gatewayVersion: string | undefined;
  mockProviderVersion: string | undefined;
  placements: Placements;
  skipped: SkippedTarget[];
  notes: string[];
}

function versionOf(folder: string): string | undefined {
  const manifest = join(workspaceRoot, folder, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

async function placements(options: BenchOptions, notes: string[]): Promise<Placements> {
  const nice = options.nice;
  if (nice !== 0) notes.push(await setAutogroupNice(nice));
  const unpinned = { proxy: { cpu: undefined, nice }, load: { cpu: undefined, nice } };
  if (!options.pin) return unpinned;
  if (cpus().length < 2 || !(await commandExists('taskset', ['--version']))) {
    notes.push('unpinned: pinning needs 2 CPUs and taskset (util-linux)');
    return unpinned;
  }
  return { proxy: { cpu: 0, nice }, load: { cpu: 1, nice } };
}

async function preparePortkey(options: BenchOptions, log: (line: string) => void, prepared: Prepared) {
  if (!options.targets.includes('portkey')) return;
  const dir = join(options.workDir, 'portkey');
  try {
    prepared.portkey = options.setup ? await ensurePortkey(dir, log) : await findPortkey(dir);
    if (prepared.portkey === undefined) throw new Error(`nothing in ${dir} (run without --no-setup)`);
  } catch (error) {
    prepared.skipped.push({ target: 'portkey', reason: `not installed: ${(error as Error).message}` });
  }
}

/**
 * The bench's setup step: tools (wrk, Portkey) and CPU placement. The measured projects are built before the CLI
 * starts: the `bench` script builds this package, and Nx's `^build` builds the mock provider and the gateway first.
 */
export async function prepare(options: BenchOptions, log: (line: string) => void): Promise<Prepared> {
  const wrk = options.setup ? await ensureWrk(log) : await wrkVersion();
  if (wrk === undefined) throw new Error('wrk is not installed (run without --no-setup to install it)');
  const notes: string[] = [];
  const prepared: Prepared = {
    wrk,
    portkey: undefined,
    gatewayVersion: versionOf('apps/gateway'),
    mockProviderVersion: versionOf('tools/mock-provider'),
    placements: await placements(options, notes),
    skipped: [],
    notes,
  };
  await preparePortkey(options, log, prepared);
  return prepared;
}
