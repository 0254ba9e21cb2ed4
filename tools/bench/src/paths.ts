import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/bench, whether this module runs from src/ (tests) or dist/ (the CLI). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export const workspaceRoot = join(packageRoot, '..', '..');

/** Gitignored: installed tools (Portkey), generated configs, process logs, CPU profiles. */
export const defaultWorkDir = join(packageRoot, '.work');

/** Gitignored: one folder per run with result.json and result.md. */
export const defaultResultsDir = join(packageRoot, 'results');

/** A compiled script of this package that the bench starts as its own process (the bare proxy, the probe). */
export function distScript(relativePath: string): string {
  return join(packageRoot, 'dist', relativePath);
}

export const wrkScript = join(packageRoot, 'lua', 'post.lua');

export const gatewayMain = join(workspaceRoot, 'apps', 'gateway', 'dist', 'main.js');

/** The node flags the gateway is launched with (apps/gateway/package.json "switchyard.nodeFlags", as `npm start`). */
export function gatewayNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(workspaceRoot, 'apps', 'gateway', 'package.json'), 'utf8')) as { switchyard?: { nodeFlags?: string[] } };
  return manifest.switchyard?.nodeFlags ?? [];
}

export const mockProviderCli = join(workspaceRoot, 'tools', 'mock-provider', 'dist', 'cli.js');
