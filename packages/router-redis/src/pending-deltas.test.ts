import { latencySamples } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { PendingDeltas } from './pending-deltas.js';

describe('PendingDeltas', () => {
  it('drops a call that started and ended between two syncs, and removes one that reached Redis', () => {
    const deltas = new PendingDeltas();
    deltas.resize(1);
    deltas.start(0, 'a:1');
    deltas.start(0, 'a:2');
    deltas.end(0, 'a:2');
    expect(deltas.unsynced(0)).toEqual({ requests: 2, running: 1 });
    expect(JSON.parse(deltas.take(0).encoded)).toEqual({ r: 2, t: 0, a: ['a:1'], d: [], l: [], f: [] });
    deltas.end(0, 'a:1');
    expect(JSON.parse(deltas.take(0).encoded)).toMatchObject({ r: 0, a: [], d: ['a:1'] });
    expect(deltas.take(0).encoded).toBe('');
  });

  it('keeps the latest samples only, and puts back a delta whose sync failed', () => {
    const deltas = new PendingDeltas();
    deltas.resize(1);
    for (let index = 0; index < latencySamples + 5; index++) deltas.sample(0, 10, index, Number.NaN);
    const { delta } = deltas.take(0);
    expect(delta?.latency).toHaveLength(latencySamples);
    expect(delta?.latency.at(-1)).toBe(String(latencySamples + 4));
    expect(delta?.tokens).toBe(10 * (latencySamples + 5));
    deltas.restore(0, delta!);
    expect(deltas.has(0)).toBe(true);
    expect(deltas.take(0).delta?.tokens).toBe(10 * (latencySamples + 5));
  });
});
