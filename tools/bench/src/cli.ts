#!/usr/bin/env node
// switchyard-bench: setup, the interleaved matrix per scenario (results/<stamp>-<scenario>/result.{json,md}) and a
// Markdown summary; or, with --soak, the gateway alone at a fixed request rate with its RSS over time.
import { runCommand } from './process/run-command.js';
import { parseOptions, usage, type BenchOptions } from './options.js';
import { renderMarkdown, renderSummary } from './report/render-markdown.js';
import { writeResults } from './report/write-results.js';
import { runBench } from './run-bench.js';
import { scenarioNames } from './scenarios/registry.js';
import { prepare } from './setup/prepare.js';
import { renderSoak, writeSoak } from './soak/render-soak.js';
import { runSoak } from './soak/run-soak.js';

async function soak(options: BenchOptions, argv: string[], log: (line: string) => void): Promise<void> {
  const startedAt = new Date().toISOString();
  const prepared = await prepare({ ...options, targets: ['gateway'] }, log);
  const result = await runSoak(options, prepared.placements, log);
  const command = `npm run bench -- ${argv.join(' ')}`;
  const dir = await writeSoak(result, options.resultsDir, command, startedAt);
  log(`results: ${dir}/soak.json and soak.md`);
  process.stdout.write(renderSoak(result, command));
}

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
  // The harness itself (RSS sampling, bookkeeping, the soak's load) stays off the proxy's CPU.
  if (options.pin) await runCommand('taskset', ['-a', '-p', '-c', '1', String(process.pid)]);
  if (options.soakSeconds > 0) {
    await soak({ ...options, scenario: scenarioNames(options.scenario)[0] ?? 'openai' }, argv, log);
    return 0;
  }
  for (const scenario of scenarioNames(options.scenario)) {
    log(`scenario ${scenario}`);
    const result = await runBench({ ...options, scenario }, argv, log);
    const dir = await writeResults(result, options.resultsDir);
    log(`results: ${dir}/result.json and result.md`);
    if (options.markdown) process.stdout.write(`## Scenario \`${scenario}\`\n\n${renderMarkdown(result)}\n`);
    else process.stdout.write(`## Scenario \`${scenario}\`\n\n${renderSummary(result)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
