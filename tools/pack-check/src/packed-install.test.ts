import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockProvider, mockText, type MockProvider } from '@switchyard/mock-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballs, packPackages, readTarball, type PackedPackage } from './pack-and-install.js';
import { pnpmInvocation } from './pnpm-command.js';
import { providerExamples } from './provider-examples.js';
import { firstTsBlock } from './readme-example.js';
import { runCommand } from './run-command.js';
import { tarballProblems } from './tarball-problems.js';
import { isProvider, publishablePackages } from './workspace-packages.js';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const packages = publishablePackages(workspaceRoot);
const providers = packages.filter(isProvider);

describe('the publishable packages, packed and installed from their tarballs', () => {
  const work = mkdtempSync(join(tmpdir(), 'switchyard-pack-check-'));
  const project = join(work, 'project');
  let packed: PackedPackage[] = [];
  let mock: MockProvider | undefined;

  beforeAll(async () => {
    const unbuilt = packages.filter((pkg) => !existsSync(join(pkg.dir, 'dist')));
    if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.map((pkg) => pkg.name).join(', ')} (run through Nx, which builds packages/* first)`);
    mock = await startMockProvider();
    const started = performance.now();
    packed = await packPackages(pnpmInvocation(workspaceRoot), packages, work);
    const packedAt = performance.now();
    await installTarballs(project, packed);
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(`pack-check: packed ${packed.length} packages in ${seconds(started, packedAt)} s, npm install took ${seconds(packedAt, performance.now())} s`);
    copyFileSync(new URL('./route-to-mock.mjs', import.meta.url), join(project, 'route-to-mock.mjs'));
  }, 300_000);

  afterAll(async () => {
    await mock?.close();
    // The installed project holds every package's dependencies: removing it takes a while on a busy machine.
    await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('covers core, the provider kit and every provider', () => {
    const names = packages.map((pkg) => pkg.name);
    expect(names).toEqual(expect.arrayContaining(['@switchyard/core', '@switchyard/provider-kit', ...Object.keys(providerExamples)]));
    expect(providers.length).toBeGreaterThanOrEqual(4);
  });

  it.each(packages.map((pkg) => pkg.name))('%s: the tarball holds the built JavaScript and declarations, and no sources, tests or fixtures', async (name) => {
    const entry = packed.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`${name} was not packed`);
    const { entries, manifest } = await readTarball(entry.tarball);
    expect(manifest.name).toBe(name);
    expect(tarballProblems(entries, manifest)).toEqual([]);
  });

  it('every package loads from the installed tarballs in plain Node', async () => {
    const script = packages.map((pkg) => `await import(${JSON.stringify(pkg.name)});`).join('\n');
    await runCommand(process.execPath, ['--input-type=module', '--eval', script], { cwd: project, timeoutMs: 60_000 });
  });

  it.each(providers.map((pkg) => pkg.name))("%s: the README's example, as written, prints the mock's answer", async (name) => {
    const example = providerExamples[name];
    if (!example) throw new Error(`${name} is a provider without an entry in provider-examples.ts`);
    const pkg = providers.find((candidate) => candidate.name === name);
    const code = firstTsBlock(readFileSync(join(pkg?.dir ?? '', 'README.md'), 'utf8'));
    if (!code) throw new Error(`${name}'s README has no ts example`);
    const file = `${name.replace('@switchyard/', '')}-example.mjs`;
    writeFileSync(join(project, file), code);
    mock?.reset();
    const env = { PATH: process.env.PATH ?? '', HOME: work, SWITCHYARD_MOCK_ORIGIN: mock?.url ?? '', ...example.env };
    const { stdout } = await runCommand(process.execPath, ['--import', './route-to-mock.mjs', file], { cwd: project, env, timeoutMs: 60_000 });
    expect(stdout).toBe(`${mockText}\n`);
    expect(mock?.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST ${example.path}`]);
  });
});
