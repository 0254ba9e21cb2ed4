import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../process/run-command.js';

export const portkeyVersion = '1.15.2';

/**
 * Portkey 1.15.2's own lockfile versions. With the newer hono/@hono/node-server that a plain `npm i` resolves,
 * its streaming chat completions answer HTTP 500 (`TypeError: immutable`, Portkey-AI/gateway#1389).
 */
export const portkeyOverrides: Readonly<Record<string, string>> = {
  hono: '4.9.7',
  '@hono/node-server': '1.13.5',
  '@hono/node-ws': '1.2.0',
};

export interface PortkeyInstall {
  /** The Node entry script (its package `bin`). */
  entry: string;
  /** Installed versions of Portkey and of each overridden dependency. */
  versions: Record<string, string>;
}

async function installedVersion(dir: string, name: string): Promise<string | undefined> {
  const manifest = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** The Portkey install in `dir` when it is complete and has the pinned versions, else undefined. */
export async function findPortkey(dir: string): Promise<PortkeyInstall | undefined> {
  const versions: Record<string, string> = {};
  for (const name of ['@portkey-ai/gateway', ...Object.keys(portkeyOverrides)]) {
    const version = await installedVersion(dir, name);
    if (version === undefined) return undefined;
    versions[name] = version;
  }
  if (versions['@portkey-ai/gateway'] !== portkeyVersion) return undefined;
  if (Object.entries(portkeyOverrides).some(([name, version]) => versions[name] !== version)) return undefined;
  const manifestPath = join(dir, 'node_modules', '@portkey-ai/gateway', 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (bin === undefined) throw new Error(`@portkey-ai/gateway ${portkeyVersion} declares no bin`);
  return { entry: join(dir, 'node_modules', '@portkey-ai/gateway', bin), versions };
}

/** Installs `@portkey-ai/gateway@1.15.2` with the pinned overrides into `dir` (gitignored) unless it is there. */
export async function ensurePortkey(dir: string, log: (line: string) => void): Promise<PortkeyInstall> {
  const existing = await findPortkey(dir);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  const manifest = {
    name: 'switchyard-bench-portkey',
    private: true,
    dependencies: { '@portkey-ai/gateway': portkeyVersion },
    overrides: portkeyOverrides,
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`installing @portkey-ai/gateway@${portkeyVersion} into ${dir}`);
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'];
  const result = await runCommand('npm', args, { cwd: dir, timeoutMs: 600_000 });
  if (result.code !== 0) throw new Error(`npm install of Portkey failed (${result.code}): ${result.stderr.slice(-800)}`);
  const installed = await findPortkey(dir);
  if (!installed) throw new Error(`Portkey or its pinned dependencies are missing in ${dir} after npm install`);
  return installed;
}
