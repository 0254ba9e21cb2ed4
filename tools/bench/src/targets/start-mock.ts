import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mockProviderCli } from '../paths.js';
import { freePort } from '../process/free-port.js';
import type { Placement } from '../process/placed-command.js';
import { spawnPinned, type PinnedProcess } from '../process/spawn-pinned.js';

export interface RunningMock {
  origin: string;
  pid: number;
  stop: PinnedProcess['stop'];
}

/**
 * Starts @switchyard/mock-provider's CLI, the same mock the tests use, pinned to the load CPU. Its build comes
 * first through the package's devDependency (Nx `^build`).
 */
export async function startMock(placement: Placement, workDir: string): Promise<RunningMock> {
  if (!existsSync(mockProviderCli)) {
    throw new Error(`${mockProviderCli} does not exist: build it with pnpm nx run @switchyard/mock-provider:build`);
  }
  const port = await freePort();
  const child = await spawnPinned({
    placement,
    command: process.execPath,
    args: [mockProviderCli, '--port', String(port), '--host', '127.0.0.1'],
    env: { NODE_ENV: 'production' },
    logFile: join(workDir, 'mock.log'),
    port,
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.stop() };
}
