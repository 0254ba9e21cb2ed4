import { describe, expect, it } from 'vitest';
import { fullDefaults, parseOptions } from './options.js';

describe('parseOptions', () => {
  it('defaults to the full matrix: every target, both modes, 1/32/64 connections, two runs', () => {
    const options = parseOptions([]);
    expect(options).toEqual(fullDefaults);
    expect(options?.targets).toEqual(['direct', 'bare', 'gateway', 'portkey']);
    expect(options?.connections).toEqual([1, 32, 64]);
  });

  it('smoke leaves Portkey out unless asked for', () => {
    expect(parseOptions(['--smoke'])?.targets).toEqual(['direct', 'bare', 'gateway']);
    expect(parseOptions(['--smoke', '--portkey'])?.targets).toEqual(['direct', 'bare', 'gateway', 'portkey']);
    expect(parseOptions(['--no-portkey'])?.targets).not.toContain('portkey');
  });

  it('parses lists and numbers', () => {
    const options = parseOptions(['--targets', 'bare,direct', '--connections', '8,16', '--modes', 'stream', '--runs', '3']);
    expect(options).toMatchObject({ targets: ['direct', 'bare'], connections: [8, 16], modes: ['stream'], runs: 3 });
    expect(parseOptions(['--nice=-10'])?.nice).toBe(-10);
  });

  it('takes scenario lists, workers and the soak settings', () => {
    expect(parseOptions(['--scenario', 'anthropic,governance-pglite'])?.scenario).toBe('anthropic,governance-pglite');
    expect(parseOptions(['--scenario', 'all'])?.scenario).toBe('all');
    expect(() => parseOptions(['--scenario', 'openai,litellm'])).toThrow(/unknown scenario "litellm"/);
    expect(parseOptions(['--workers', '2'])?.workers).toBe(2);
    expect(parseOptions(['--soak', '600', '--rate', '300', '--sample', '2'])).toMatchObject({ soakSeconds: 600, soakRate: 300, soakSampleSeconds: 2 });
    expect(parseOptions([])).toMatchObject({ workers: 1, soakSeconds: 0 });
  });

  it('rejects what it does not know and answers --help with undefined', () => {
    expect(() => parseOptions(['--targets', 'litellm'])).toThrow(/unknown target/);
    expect(() => parseOptions(['--connections', '0'])).toThrow(/connections/);
    expect(() => parseOptions(['--frobnicate'])).toThrow();
    expect(() => parseOptions(['--nice', '-30'])).toThrow(/nice/);
    expect(parseOptions(['--help'])).toBeUndefined();
  });
});
