import { describe, expect, it } from 'vitest';
import { placedCommand } from './placed-command.js';

describe('placedCommand', () => {
  it('wraps with taskset and nice only when asked', () => {
    expect(placedCommand({ cpu: undefined, nice: 0 }, 'wrk', ['-t1'])).toEqual(['wrk', ['-t1']]);
    expect(placedCommand({ cpu: 1, nice: 0 }, 'wrk', ['-t1'])).toEqual(['taskset', ['-c', '1', 'wrk', '-t1']]);
    expect(placedCommand({ cpu: 0, nice: -10 }, 'node', ['a.js'])).toEqual([
      'nice',
      ['-n', '-10', 'taskset', '-c', '0', 'node', 'a.js'],
    ]);
  });
});
