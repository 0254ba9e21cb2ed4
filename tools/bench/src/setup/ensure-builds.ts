import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../process/run-command.js';
import { workspaceRoot } from '../paths.js';

/** Workspace projects the bench starts as processes, with the folder that holds their package.json. */
export const measuredProjects = [
  { name: '@switchyard/mock-provider', folder: 'tools/mock-provider' },
  { name: '@switchyard/gateway', folder: 'apps/gateway' },
] as const;

export interface BuildOutcome {
  /** Projects that exist in the checkout. */
  present: string[];
  /** undefined when the build passed (or nothing was present), else the tail of Nx's output. */
  failure?: string;
}

/**
 * Builds the measured workspace projects that exist (`nx run-many -t build`), so the bench never measures a stale
 * dist/. A project missing from the checkout is left out; its target is then skipped with a message.
 */
export async function ensureBuilds(log: (line: string) => void): Promise<BuildOutcome> {
  const present = measuredProjects
    .filter((project) => existsSync(join(workspaceRoot, project.folder, 'package.json')))
    .map((project) => project.name);
  if (present.length === 0) return { present };
  log(`building ${present.join(', ')} with nx`);
  const nx = join(workspaceRoot, 'node_modules', '.bin', 'nx');
  const args = ['run-many', '-t', 'build', '-p', ...present, '--outputStyle=static'];
  const result = await runCommand(nx, args, { cwd: workspaceRoot, timeoutMs: 600_000 });
  if (result.code === 0) return { present };
  return { present, failure: `${result.stdout}${result.stderr}`.slice(-1_500) };
}
