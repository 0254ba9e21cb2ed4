import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The fields of a package.json this check reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: unknown;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  nx?: { tags?: string[] };
}

export interface WorkspacePackage {
  name: string;
  /** The package folder, absolute. */
  dir: string;
  manifest: PackageManifest;
}

/** Every package under `<root>/packages/` that is not private, by name. */
export function publishablePackages(workspaceRoot: string): WorkspacePackage[] {
  const packagesDir = join(workspaceRoot, 'packages');
  const found: WorkspacePackage[] = [];
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    const manifestPath = join(packagesDir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
    if (manifest.private === true) continue;
    found.push({ name: manifest.name, dir: join(packagesDir, entry.name), manifest });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether the package carries the Nx tag `type:provider`. */
export function isProvider(pkg: WorkspacePackage): boolean {
  return pkg.manifest.nx?.tags?.includes('type:provider') === true;
}
