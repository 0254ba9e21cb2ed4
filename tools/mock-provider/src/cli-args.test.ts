import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:9000', () => {
    expect(parseCliArgs([])).toEqual({ port: 9000, host: '127.0.0.1' });
  });

  it('reads --port and --host in both spellings', () => {
    expect(parseCliArgs(['--port', '0', '--host=::1'])).toEqual({ port: 0, host: '::1' });
    expect(parseCliArgs(['--port=9100'])).toEqual({ port: 9100, host: '127.0.0.1' });
  });

  it('rejects bad input precisely', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port must be an integer from 0 to 65535, got "abc".');
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port must be an integer');
    expect(() => parseCliArgs(['--port'])).toThrow('--port needs a value.');
    expect(() => parseCliArgs(['--verbose'])).toThrow('Unknown argument "--verbose".');
  });
});
