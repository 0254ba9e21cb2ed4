import { describe, expect, it } from 'vitest';
import { stdioEnvironment } from './stdio-environment.js';

describe('stdioEnvironment', () => {
  it('is the configured env plus PATH only', () => {
    expect(stdioEnvironment({ MEMORY_FILE_PATH: '/tmp/m.jsonl' }, '/usr/bin')).toEqual({
      MEMORY_FILE_PATH: '/tmp/m.jsonl',
      PATH: '/usr/bin',
    });
  });

  it('keeps a configured PATH and drops an empty one', () => {
    expect(stdioEnvironment({ PATH: '/opt/bin' }, '/usr/bin')).toEqual({ PATH: '/opt/bin' });
    expect(stdioEnvironment({ PATH: '' }, '/usr/bin')).toEqual({});
  });
});
