import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** How to start pnpm: a command and the arguments before pnpm's own. */
export interface PnpmInvocation {
  command: string;
  args: string[];
}

/**
 * The pnpm to pack with: the one running this test (scripts pnpm runs see it as npm_execpath, a binary or a script
 * for node), else the pinned copy `npm start`/`npm test` install into .tools/, else `pnpm` from the PATH.
 */
export function pnpmInvocation(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): PnpmInvocation {
  const running = env['npm_execpath'];
  if (running && basename(running).startsWith('pnpm')) {
    return /\.[cm]?js$/.test(running) ? { command: process.execPath, args: [running] } : { command: running, args: [] };
  }
  const pinned = join(workspaceRoot, '.tools', 'node_modules', '.bin', 'pnpm');
  return { command: existsSync(pinned) ? pinned : 'pnpm', args: [] };
}
