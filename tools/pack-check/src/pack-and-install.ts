import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { PnpmInvocation } from './pnpm-command.js';
import { runCommand } from './run-command.js';
import type { PackageManifest, WorkspacePackage } from './workspace-packages.js';

export interface PackedPackage {
  name: string;
  /** The .tgz file, absolute. */
  tarball: string;
}

/** Runs `task` over `items` with at most `limit` running at once, keeping the input order in the result. */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map(task))));
  }
  return results;
}

/** Packs each package with `pnpm pack` (which turns workspace: ranges into versions) into `destination`. */
export function packPackages(pnpm: PnpmInvocation, packages: readonly WorkspacePackage[], destination: string): Promise<PackedPackage[]> {
  return inBatches(packages, 2, async (pkg) => {
    const args = [...pnpm.args, 'pack', '--json', '--pack-destination', destination];
    const { stdout } = await runCommand(pnpm.command, args, { cwd: pkg.dir, timeoutMs: 120_000 });
    const { filename } = JSON.parse(stdout) as { filename: string };
    return { name: pkg.name, tarball: isAbsolute(filename) ? filename : join(destination, filename) };
  });
}

/** The entries of a packed tarball (`package/...`) and the package.json it holds. */
export async function readTarball(tarball: string): Promise<{ entries: string[]; manifest: PackageManifest }> {
  const cwd = dirname(tarball);
  const listing = await runCommand('tar', ['-tzf', tarball], { cwd, timeoutMs: 60_000 });
  const manifest = await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], { cwd, timeoutMs: 60_000 });
  return { entries: listing.stdout.split('\n').filter((line) => line !== ''), manifest: JSON.parse(manifest.stdout) as PackageManifest };
}

/** The environment for npm: this one, less the npm_config_* settings pnpm passes to the scripts it runs. */
export function npmEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_config_/i.test(name) || kept.test(name)));
}

/**
 * Creates an empty ESM project in `projectDir` whose dependencies are the tarballs, with `overrides` so that every
 * dependency between them resolves to its tarball and never to the registry, and installs it with npm.
 */
export async function installTarballs(projectDir: string, packed: readonly PackedPackage[]): Promise<void> {
  mkdirSync(projectDir, { recursive: true });
  const dependencies = Object.fromEntries(packed.map((entry) => [entry.name, `file:${entry.tarball}`]));
  const overrides = Object.fromEntries(packed.map((entry) => [entry.name, `$${entry.name}`]));
  const manifest = { name: 'switchyard-pack-check', private: true, type: 'module', dependencies, overrides };
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'];
  await runCommand('npm', ['install', ...flags], { cwd: projectDir, env: npmEnvironment(), timeoutMs: 240_000 });
}
