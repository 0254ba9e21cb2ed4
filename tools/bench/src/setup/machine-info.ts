import { cpus, release, totalmem } from 'node:os';
import { runCommand } from '../process/run-command.js';
import { workspaceRoot } from '../paths.js';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  /** HEAD of the checkout, with "-dirty" when the working tree has changes. */
  commit: string;
}

export async function machineInfo(): Promise<MachineInfo> {
  const head = await runCommand('git', ['rev-parse', '--short', 'HEAD'], { cwd: workspaceRoot });
  const status = await runCommand('git', ['status', '--porcelain'], { cwd: workspaceRoot });
  const commit = head.code === 0 ? `${head.stdout.trim()}${status.stdout.trim() ? '-dirty' : ''}` : 'unknown';
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    commit,
  };
}
