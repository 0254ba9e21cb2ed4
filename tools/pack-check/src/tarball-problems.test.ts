import { describe, expect, it } from 'vitest';
import { exportTargets, tarballProblems } from './tarball-problems.js';
import type { PackageManifest } from './workspace-packages.js';

const manifest: PackageManifest = {
  name: '@switchyard/acme',
  version: '0.1.0',
  exports: {
    './package.json': './package.json',
    '.': { '@switchyard/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
  },
  dependencies: { '@switchyard/core': '0.1.0' },
};
const good = ['package/package.json', 'package/README.md', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/index.js.map'];

describe('exportTargets', () => {
  it('lists every file an exports map points at, without the workspace-only source condition', () => {
    expect(exportTargets(manifest.exports)).toEqual(['./package.json', './dist/index.d.ts', './dist/index.js']);
    expect(exportTargets('./dist/index.js')).toEqual(['./dist/index.js']);
    expect(exportTargets(undefined)).toEqual([]);
  });
});

describe('tarballProblems', () => {
  it('accepts built JavaScript, declarations, maps and documentation', () => {
    expect(tarballProblems(good, manifest)).toEqual([]);
    expect(tarballProblems([...good, 'package/dist/testing/index.js', 'package/data/price-table.json'], manifest)).toEqual([]);
  });

  it('reports a tarball without built output, and exports or bins that were not packed', () => {
    expect(tarballProblems(['package/package.json'], { ...manifest, bin: { acme: './dist/cli.js' } })).toEqual([
      'no built JavaScript under dist/',
      'no type declarations under dist/',
      './dist/index.d.ts is exported but not packed',
      './dist/index.js is exported but not packed',
      './dist/cli.js is exported but not packed',
    ]);
  });

  it('reports sources, tests, fixtures and build configuration', () => {
    const extra = [
      'package/src/index.ts',
      'package/dist/index.test.js',
      'package/dist/acme-capture.test-utils.js',
      'package/dist/test/reference.js',
      'package/dist/__fixtures__/a.json',
      'package/tsconfig.lib.json',
      'package/vitest.config.ts',
    ];
    expect(tarballProblems([...good, ...extra], manifest)).toEqual([
      'package/src/index.ts is a source file',
      'package/dist/index.test.js is a test file',
      'package/dist/acme-capture.test-utils.js is a test file',
      'package/dist/test/reference.js is a test file',
      'package/dist/__fixtures__/a.json is a fixture',
      'package/tsconfig.lib.json is a build configuration',
      'package/vitest.config.ts is a build configuration',
    ]);
  });

  it('reports a workspace: range that packing left behind', () => {
    expect(tarballProblems(good, { ...manifest, dependencies: { '@switchyard/core': 'workspace:*' } })).toEqual([
      'dependency @switchyard/core is still workspace:*',
    ]);
  });
});
