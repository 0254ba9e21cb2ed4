import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from '../bench-result.js';
import { renderMarkdown } from './render-markdown.js';

/** Writes result.json and result.md into `<resultsDir>/<timestamp>-<scenario>[-smoke]/` and returns that folder. */
export async function writeResults(result: BenchResult, resultsDir: string): Promise<string> {
  const stamp = result.startedAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const dir = join(resultsDir, `${stamp}-${result.options.scenario}${result.options.smoke ? '-smoke' : ''}`);
  await mkdir(dir, { recursive: true });
  // NaN (a point that failed) is written as null by JSON.stringify.
  await writeFile(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(dir, 'result.md'), renderMarkdown(result));
  return dir;
}
