import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
let sandbox: string | undefined;
const originalTmpdir = process.env['TMPDIR'];

afterAll(async () => {
  if (originalTmpdir === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = originalTmpdir;
  if (sandbox !== undefined) await rm(sandbox, { recursive: true, force: true });
});

/** The first ```ts block after "## Quick start", importing this package's source instead of the published name. */
async function quickStart(): Promise<string> {
  const text = await readFile(readme, 'utf8');
  const section = text.slice(text.indexOf('## Quick start'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match?.[1] === undefined) throw new Error('README has no quick-start block');
  return match[1].replace(`from '@switchyard/store'`, `from ${JSON.stringify(entry)}`);
}

describe('README quick start', () => {
  it('runs as written: a PGlite store in a temp dir, a team and a key, spend logged, the report read', async () => {
    sandbox = await mkdtemp(join(tmpdir(), 'switchyard-readme-'));
    const example = join(sandbox, 'quick-start.ts');
    await writeFile(example, await quickStart());
    process.env['TMPDIR'] = sandbox; // the example's mkdtemp lands inside the sandbox, removed afterwards
    const printed: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
    try {
      await import(/* @vite-ignore */ example);
    } finally {
      log.mockRestore();
    }
    const [keyLine, report, budget] = printed;
    expect(keyLine?.[1]).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
    expect(report?.[0]).toMatchObject([{ modelGroup: 'gpt-4o', cost: 0.0045, requests: 1, promptTokens: 1200 }]);
    expect(budget?.[0]).toMatchObject({ spend: 0.0045, lifetimeSpend: 0.0045, maxBudget: null, exceeded: false });
  }, 240_000);
});
