export interface CliOptions {
  port: number;
  host: string;
}

export const usage = 'Usage: switchyard-mock-provider [--port <0-65535>] [--host <address>]  (defaults: --port 9000 --host 127.0.0.1)';

/** Parses `--port N`, `--host H` (also `--port=N`); throws an Error with a precise message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 9000, host: '127.0.0.1' };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const equals = argument.indexOf('=');
    const name = equals < 0 ? argument : argument.slice(0, equals);
    if (name !== '--port' && name !== '--host') throw new Error(`Unknown argument "${argument}".\n${usage}`);
    const value = equals < 0 ? argv[++index] : argument.slice(equals + 1);
    if (value === undefined || value === '') throw new Error(`${name} needs a value.\n${usage}`);
    if (name === '--host') {
      options.host = value;
      continue;
    }
    const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(port >= 0 && port <= 65_535)) throw new Error(`--port must be an integer from 0 to 65535, got "${value}".`);
    options.port = port;
  }
  return options;
}
