import { describe, expect, it } from 'vitest';
import { parseWrkOutput } from './run-wrk.js';

describe('parseWrkOutput', () => {
  it('reads the BENCH_JSON line that lua/post.lua prints', () => {
    const stdout = [
      'Running 1s test @ http://127.0.0.1:9000',
      '  1 threads and 4 connections',
      'BENCH_JSON {"requests":10,"durationUs":1000000,"bytes":100,"errors":{"connect":0,"read":1,"write":0,' +
        '"status":2,"timeout":0},"latencyUs":{"mean":12.5,"max":40,"p50":10,"p90":20,"p99":30}}',
    ].join('\n');
    expect(parseWrkOutput(stdout)).toMatchObject({ requests: 10, errors: { read: 1, status: 2 }, latencyUs: { p99: 30 } });
  });

  it('fails loudly when the script did not run', () => {
    expect(() => parseWrkOutput('unable to connect')).toThrow(/BENCH_JSON/);
  });
});
