import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const entries = {
  '@switchyard/governance': fileURLToPath(new URL('./index.ts', import.meta.url)),
  '@switchyard/store': fileURLToPath(new URL('../../store/src/index.ts', import.meta.url)),
};
let sandbox: string | undefined;
afterAll(async () => {
  if (sandbox !== undefined) await rm(sandbox, { recursive: true, force: true });
});

/** The first ```ts block of a section, importing the workspace sources instead of the published names. */
async function exampleOf(heading: string): Promise<string> {
  const text = await readFile(readme, 'utf8');
  const match = /```ts\n([\s\S]*?)```/.exec(text.slice(text.indexOf(heading)));
  if (match?.[1] === undefined) throw new Error(`README has no ts block under ${heading}`);
  let code = match[1];
  for (const [name, path] of Object.entries(entries)) code = code.replaceAll(`from '${name}'`, `from ${JSON.stringify(path)}`);
  return code;
}

describe('README management example', () => {
  it('runs as written: a key generated once, read by itself, its own (empty) spend', async () => {
    sandbox = await mkdtemp(join(tmpdir(), 'switchyard-governance-readme-'));
    const file = join(sandbox, 'management.ts');
    await writeFile(file, await exampleOf('## Management API'));
    const printed: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args));
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    expect(printed).toEqual([['shown once:', 'sk-'], ['search', 10, true], [[]]]);
  });
});
