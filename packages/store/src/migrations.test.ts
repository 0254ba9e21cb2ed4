import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrations-folder.js';

const run = promisify(execFile);
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const drizzleKit = join(packageRoot, 'node_modules', '.bin', 'drizzle-kit');
const schema = fileURLToPath(new URL('./schema/index.ts', import.meta.url));
const temporary: string[] = [];

/** A copy of the committed migrations; drizzle-kit only takes `--out` relative to its working directory. */
async function copyOfMigrations(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-store-migrations-'));
  temporary.push(directory);
  await cp(migrationsFolder, directory, { recursive: true });
  return directory;
}

async function drizzleKitRun(command: 'generate' | 'check', out: string, schemaFile = schema) {
  const args = [command, '--dialect', 'postgresql', '--out', `./${relative(packageRoot, out)}`];
  if (command === 'generate') args.push('--schema', `./${relative(packageRoot, schemaFile)}`);
  const { stdout, stderr } = await run(drizzleKit, args, { cwd: packageRoot, timeout: 120_000 });
  return stdout + stderr;
}

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('committed migrations', () => {
  it('are what drizzle-kit generates from the schema today (nothing left to generate)', async () => {
    const out = await copyOfMigrations();
    const before = await readdir(out);
    const output = await drizzleKitRun('generate', out);
    expect(output).toContain('No schema changes');
    expect(await readdir(out)).toEqual(before);
  }, 120_000);

  it('pass drizzle-kit check', async () => {
    expect(await drizzleKitRun('check', await copyOfMigrations())).toContain("Everything's fine");
  }, 120_000);

  it('would be caught out by a schema change (the check above can fail)', async () => {
    const out = await copyOfMigrations();
    const require = createRequire(import.meta.url);
    const changed = join(out, 'changed-schema.ts');
    await writeFile(
      changed,
      [
        `import { pgTable, text } from ${JSON.stringify(pathToFileURL(require.resolve('drizzle-orm/pg-core')).href)};`,
        `export * from ${JSON.stringify(schema)};`,
        `export const driftProbe = pgTable('drift_probe', { id: text('id').primaryKey() });`,
      ].join('\n'),
    );
    const before = (await readdir(out)).filter((name) => name.endsWith('.sql'));
    await drizzleKitRun('generate', out, changed);
    const after = (await readdir(out)).filter((name) => name.endsWith('.sql'));
    expect(after.length).toBe(before.length + 1);
  }, 120_000);
});
