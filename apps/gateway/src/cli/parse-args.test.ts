import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './parse-args.js';

describe('parseArgs', () => {
  it('defaults to 127.0.0.1:4000 and no config', () => {
    expect(parseArgs([], {})).toEqual({ config: undefined, port: 4000, host: '127.0.0.1', logLevel: 'info', shutdownTimeoutSeconds: 30, workers: 1, help: false, version: false });
  });

  it('reads flags, short forms and = syntax', () => {
    const options = parseArgs(['-c', 'cfg.yaml', '--port=8080', '--host', '0.0.0.0', '--log-level', 'warn', '--shutdown-timeout', '2.5'], {});
    expect(options).toMatchObject({ config: 'cfg.yaml', port: 8080, host: '0.0.0.0', logLevel: 'warn', shutdownTimeoutSeconds: 2.5 });
    expect(parseArgs(['-p', '0', '-h'], {})).toMatchObject({ port: 0, help: true });
  });

  it('falls back to SWITCHYARD_CONFIG, PORT, HOST and LOG_LEVEL; flags win', () => {
    const env = { SWITCHYARD_CONFIG: 'env.yaml', PORT: '5000', HOST: '::1', LOG_LEVEL: 'debug' };
    expect(parseArgs([], env)).toMatchObject({ config: 'env.yaml', port: 5000, host: '::1', logLevel: 'debug' });
    expect(parseArgs(['--port', '6000', '--config', 'flag.yaml'], env)).toMatchObject({ config: 'flag.yaml', port: 6000 });
  });

  it.each([
    [['--port', 'abc'], '--port must be a port number'],
    [['--port', '70000'], '--port must be a port number'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], 'extra'],
    [['--log-level', 'loud'], '--log-level must be one of'],
    [['--shutdown-timeout=-1'], '--shutdown-timeout must be a number of seconds'],
    [['--shutdown-timeout', 'soon'], '--shutdown-timeout must be a number of seconds'],
    [['--host', ' '], '--host must not be empty'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
    expect(() => parseArgs(argv, {})).toThrow(message);
  });

  it('reads --workers, else SWITCHYARD_WORKERS; the flag wins', () => {
    expect(parseArgs(['--workers', '2'], {}).workers).toBe(2);
    expect(parseArgs([], { SWITCHYARD_WORKERS: '3' }).workers).toBe(3);
    expect(parseArgs(['--workers=4'], { SWITCHYARD_WORKERS: '3' }).workers).toBe(4);
    expect(() => parseArgs(['--workers', '0'], {})).toThrow('--workers must be a whole number from 1 to 256');
    expect(() => parseArgs(['--workers', '1.5'], {})).toThrow(UsageError);
    expect(() => parseArgs([], { SWITCHYARD_WORKERS: 'many' })).toThrow('SWITCHYARD_WORKERS must be a whole number');
  });

  it('names PORT when the bad port came from the environment', () => {
    expect(() => parseArgs([], { PORT: 'x' })).toThrow('PORT must be a port number');
  });
});
