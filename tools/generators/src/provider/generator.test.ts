import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { createTreeWithEmptyWorkspace } = require('@nx/devkit/testing') as typeof import('@nx/devkit/testing');
const generator = require('./generator.cjs') as (tree: unknown, options: Record<string, unknown>) => Promise<unknown>;

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
// Two levels below the root, like packages/<name>, so the generated relative paths hold. One folder per process:
// two runs in one checkout must not delete each other's files.
const checkFolder = `.generated-check-${process.pid}`;
const checkRoot = join(workspaceRoot, checkFolder);
const packageDir = join(checkRoot, 'provider-zeta-check');
const bin = (name: string) => join(workspaceRoot, 'node_modules', '.bin', name);

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'dir');
}

describe('provider generator', () => {
  beforeAll(async () => {
    const tree = createTreeWithEmptyWorkspace();
    await generator(tree, { name: 'zeta-check', directory: checkFolder, skipFormat: true });
    rmSync(packageDir, { recursive: true, force: true });
    for (const change of tree.listChanges()) {
      if (!change.path.startsWith(`${checkFolder}/`) || !change.content) continue;
      const target = join(workspaceRoot, change.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, change.content);
    }
    const modules = join(packageDir, 'node_modules');
    link(join(workspaceRoot, 'packages/core'), join(modules, '@switchyard/core'));
    link(join(workspaceRoot, 'packages/provider-kit'), join(modules, '@switchyard/provider-kit'));
    link(join(workspaceRoot, 'packages/core/node_modules/zod'), join(modules, 'zod'));
  });

  afterAll(() => rmSync(checkRoot, { recursive: true, force: true }));

  it('writes the fixed file set with the name substituted everywhere', () => {
    for (const file of [
      'package.json',
      'README.md',
      'src/index.ts',
      'src/zeta-check-provider.ts',
      'src/zeta-check-chat.ts',
      'src/zeta-check-stream.ts',
      'src/zeta-check-api.ts',
      'src/convert-to-zeta-check-messages.ts',
      'src/map-zeta-check-finish-reason.ts',
      'src/zeta-check-error.ts',
      'src/zeta-check-provider.test.ts',
      'src/__fixtures__/zeta-check-text.json',
    ]) {
      expect(existsSync(join(packageDir, file)), file).toBe(true);
    }
    const leftovers = execFileSync('sh', ['-c', `grep -rli acme "${packageDir}" --exclude-dir=node_modules || true`], { encoding: 'utf8' });
    expect(leftovers.trim()).toBe('');
  }, 60_000);

  it('typechecks as generated', () => {
    execFileSync(bin('tsc'), ['-p', join(packageDir, 'tsconfig.json'), '--noEmit'], { cwd: packageDir, stdio: 'pipe' });
  }, 120_000);

  it('passes its conformance test as generated', () => {
    const output = execFileSync(bin('vitest'), ['run', '--root', packageDir], {
      cwd: packageDir,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toMatch(/failed/);
  }, 180_000);

  it('passes the size and style rules of the lint config as generated', () => {
    execFileSync(bin('eslint'), ['--rule', '@nx/enforce-module-boundaries: off', 'src'], { cwd: packageDir, stdio: 'pipe' });
  }, 120_000);
});
