import { describe, expect, it } from 'vitest';
import { areaOf, summarizeCpuProfile, type CpuProfile } from './summarize-cpu-profile.js';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

describe('summarizeCpuProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('dispatch', 'file:///w/node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/hono.js', 9) },
      { id: 4, callFrame: frame('handleChat', 'file:///w/apps/gateway/dist/routes/chat.js', 40) },
      { id: 5, callFrame: frame('(garbage collector)', '') },
    ],
    // Each sample is charged the delta that follows it.
    samples: [2, 3, 3, 4, 5, 2],
    timeDeltas: [0, 5_000, 1_000, 1_000, 2_000, 1_000],
    // idle 5 ms, dispatch 1 + 1, handleChat 2, GC 1, and the last sample nothing
  };

  it('charges self time per function and area, ignoring idle in the busy share', () => {
    const summary = summarizeCpuProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.busyMs).toBe(5);
    expect(summary.top.map((entry) => [entry.functionName, entry.selfMs])).toEqual([
      ['dispatch', 2],
      ['handleChat', 2],
      ['(garbage collector)', 1],
    ]);
    expect(summary.top[0]).toMatchObject({ area: 'hono', location: 'hono/dist/hono.js:10', percent: 40 });
    expect(summary.byArea.map((area) => area.area)).toEqual(['hono', 'apps/gateway', 'GC']);
  });

  it('names areas by package, workspace project, node internals or V8', () => {
    expect(areaOf('f', 'file:///w/node_modules/.pnpm/@hono+node-server@2/node_modules/@hono/node-server/dist/x.js')).toBe(
      '@hono/node-server',
    );
    expect(areaOf('f', 'file:///w/packages/provider-kit/dist/sse-parser.js')).toBe('packages/provider-kit');
    expect(areaOf('f', 'node:internal/streams/readable')).toBe('node internals');
    expect(areaOf('JSON.parse', '')).toBe('V8 builtins');
    expect(areaOf('wasm-function[20]', 'wasm://wasm/00034eea')).toBe('wasm (llhttp, PGlite)');
  });
});
