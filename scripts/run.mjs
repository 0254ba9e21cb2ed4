#!/usr/bin/env node
// Entry point for `npm start` and `npm test` on a fresh clone with only Node and npm:
// installs the pinned pnpm into .tools/, installs dependencies, then runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { delimiter, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, '');
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', '.bin', 'pnpm');

// Nx runs each project's scripts through the package manager, so the pinned pnpm must be on PATH for children.
const childEnv = { ...process.env, PATH: [join(toolsDir, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: childEnv, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensurePnpm() {
  if (existsSync(pnpmBin)) {
    const probe = spawnSync(pnpmBin, ['--version'], { encoding: 'utf8' });
    if (probe.stdout?.trim() === pnpmVersion) return;
  }
  console.log(`[switchyard] installing pnpm ${pnpmVersion} into .tools/`);
  const status = run('npm', ['install', '--prefix', toolsDir, '--no-save', '--no-audit', '--no-fund', `pnpm@${pnpmVersion}`]);
  if (status !== 0) process.exit(status);
}

function ensureDependencies() {
  const marker = join(root, 'node_modules', '.switchyard-installed');
  const lockfile = join(root, 'pnpm-lock.yaml');
  const lockTime = existsSync(lockfile) ? statSync(lockfile).mtimeMs : 0;
  if (existsSync(marker) && Number(readFileSync(marker, 'utf8')) === lockTime) return;
  const frozen = existsSync(lockfile) ? ['--frozen-lockfile'] : [];
  const status = run(pnpmBin, ['install', ...frozen]);
  if (status !== 0) process.exit(status);
  writeFileSync(marker, String(lockTime));
}

const tasks = {
  // lint, typecheck, test and build for every project; Nx runs them with the project graph
  test: () => run(pnpmBin, ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'build', '--outputStyle=stream']),
  start: (args) => {
    const built = run(pnpmBin, ['nx', 'run', '@switchyard/gateway:build', '--outputStyle=stream']);
    if (built !== 0) return built;
    // The gateway's V8 flags (apps/gateway/package.json "switchyard.nodeFlags"; docs/scaling.md, "Memory").
    const gateway = JSON.parse(readFileSync(join(root, 'apps', 'gateway', 'package.json'), 'utf8'));
    return run(process.execPath, [...gateway.switchyard.nodeFlags, join(root, 'apps', 'gateway', 'dist', 'main.js'), ...args]);
  },
  bench: (args) => run(pnpmBin, ['--filter', '@switchyard/bench', 'bench', ...args]),
  pnpm: (args) => run(pnpmBin, args),
};

const [task = 'test', ...rest] = process.argv.slice(2);
if (!tasks[task]) {
  console.error(`unknown task "${task}"; expected one of ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
ensurePnpm();
ensureDependencies();
process.exit(tasks[task](rest));
