#!/usr/bin/env node
import { parseCliArgs } from './cli-args.js';
import { startMockProvider } from './start-mock-provider.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const mock = await startMockProvider(options);
  process.stdout.write(`Switchyard mock provider listening on ${mock.url}\n`);
  const stop = (): void => {
    void mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the mock provider: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
