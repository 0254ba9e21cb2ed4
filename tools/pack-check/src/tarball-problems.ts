import type { PackageManifest } from './workspace-packages.js';

/** Paths a published tarball must not hold: sources, tests, fixtures, snapshots and build configuration. */
const forbidden: ReadonlyArray<[RegExp, string]> = [
  [/^package\/src\//, 'source file'],
  [/\.(test|spec|test-d)\.[cm]?[jt]sx?$|\.test-utils\./, 'test file'],
  [/(^|\/)(test|tests|test-support|__tests__)\//, 'test file'],
  [/(^|\/)(__fixtures__|__snapshots__)\//, 'fixture'],
  [/(^|\/)(tsconfig(\.[\w-]+)?\.json|vitest\.config\.[cm]?[jt]s|eslint\.config\.[cm]?js)$/, 'build configuration'],
];

/** The files an `exports` map points at, ignoring the workspace-only "@switchyard/source" condition. */
export function exportTargets(exportsField: unknown): string[] {
  if (typeof exportsField === 'string') return [exportsField];
  if (typeof exportsField !== 'object' || exportsField === null) return [];
  return Object.entries(exportsField as Record<string, unknown>).flatMap(([key, value]) =>
    key === '@switchyard/source' ? [] : exportTargets(value),
  );
}

/**
 * What is wrong with a packed tarball, given its entries (`package/...`) and its packed package.json: built JavaScript
 * and declarations present, every export and bin target present, no workspace: ranges left, nothing that only the
 * repository needs. An empty list means the tarball is fine.
 */
export function tarballProblems(entries: readonly string[], manifest: PackageManifest): string[] {
  const files = new Set(entries);
  const problems: string[] = [];
  if (!entries.some((entry) => /^package\/dist\/.+\.js$/.test(entry))) problems.push('no built JavaScript under dist/');
  if (!entries.some((entry) => /^package\/dist\/.+\.d\.ts$/.test(entry))) problems.push('no type declarations under dist/');
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const target of [...exportTargets(manifest.exports), ...bins]) {
    const path = `package/${target.replace(/^\.\//, '')}`;
    if (!files.has(path)) problems.push(`${target} is exported but not packed`);
  }
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (range.startsWith('workspace:')) problems.push(`dependency ${name} is still ${range}`);
  }
  for (const entry of entries) {
    const rule = forbidden.find(([pattern]) => pattern.test(entry));
    if (rule) problems.push(`${entry} is a ${rule[1]}`);
  }
  return problems;
}
