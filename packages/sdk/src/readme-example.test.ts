import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockUpstream, type MockUpstream } from './testing/mock-upstream.js';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** The README's first TypeScript block, exactly as written. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```ts block');
  return block;
}

/** A scratch project whose node_modules hold exactly what the example imports, so it resolves as a user's would. */
async function scratchProject(code: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'switchyard-sdk-readme-'));
  const scope = join(root, 'node_modules', '@switchyard');
  await mkdir(scope, { recursive: true });
  await symlink(packageDir, join(scope, 'sdk'));
  await symlink(join(packageDir, 'node_modules', '@switchyard', 'provider-openai'), join(scope, 'provider-openai'));
  const file = join(root, 'example.ts');
  await writeFile(file, code);
  return { file, remove: () => rm(root, { recursive: true, force: true }) };
}

describe('README example', () => {
  let mock: MockUpstream;
  beforeAll(async () => {
    mock = await startMockUpstream();
  });
  afterAll(async () => {
    await mock.close();
  });

  it('runs as written against the mock provider through @switchyard/provider-openai', async () => {
    vi.stubEnv('OPENAI_BASE_URL', `${mock.url}/v1`);
    vi.stubEnv('OPENAI_API_KEY', 'sk-test');
    const logged: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    const project = await scratchProject(await readmeExample());
    try {
      await import(project.file);
    } finally {
      log.mockRestore();
      write.mockRestore();
      vi.unstubAllEnvs();
      await project.remove();
    }
    expect(logged[0]).toBe('This is a mock response from Switchyard.');
    const streamed = logged.slice(1, -1);
    expect(streamed.length).toBeGreaterThan(3);
    expect(streamed.join('')).toBe('This is a mock response from Switchyard.');
    expect(logged.at(-1)).toMatch(/^\nserved by gpt-(4o-mini|4\.1-nano) after 1 attempt\(s\)$/);
  });
});
