#!/usr/bin/env node
// switchyard-bench: setup, the interleaved matrix, results/<stamp>/result.{json,md}, and a Markdown summary.
import { runCommand } from './process/run-command.js';
import { parseOptions, usage } from './options.js';
import { renderMarkdown, renderSummary } from './report/render-markdown.js';
import { writeResults } from './report/write-results.js';
import { runBench } from './run-bench.js';

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === undefined) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // --markdown: stdout is only the Markdown (to paste into docs/benchmarks.md), stderr stays quiet.
  const log = (line: string): void => {
    if (!options.markdown) process.stderr.write(`[bench] ${line}\n`);
  };
  // The harness itself (RSS sampling, bookkeeping) stays off the proxy's CPU.
  if (options.pin) await runCommand('taskset', ['-a', '-p', '-c', '1', String(process.pid)]);
  const result = await runBench(options, argv, log);
  const dir = await writeResults(result, options.resultsDir);
  log(`results: ${dir}/result.json and result.md`);
  process.stdout.write(options.markdown ? renderMarkdown(result) : renderSummary(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
