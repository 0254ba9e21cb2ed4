import type { SpendLogInput } from '@switchyard/store';
import { describe, expect, it } from 'vitest';
import { createSpendBuffer } from './spend-buffer.js';

const log = (requestId: string) => ({ requestId }) as SpendLogInput;

describe('createSpendBuffer', () => {
  it('keeps logs while the database is down and drains them once, in batches, when it returns', async () => {
    const stored = new Map<string, SpendLogInput>();
    let down = true;
    const buffer = createSpendBuffer({
      flushIntervalMs: 60_000,
      batchSize: 2,
      maxBuffered: 4,
      record: async (logs) => {
        if (down) throw new Error('database down');
        let inserted = 0;
        for (const entry of logs) {
          if (stored.has(entry.requestId)) continue;
          stored.set(entry.requestId, entry);
          inserted += 1;
        }
        return { inserted, duplicates: logs.length - inserted };
      },
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) buffer.add(log(id));
    await buffer.flush();
    expect(buffer.stats).toMatchObject({ buffered: 4, dropped: 1, written: 0, failedFlushes: 1 });
    down = false;
    await buffer.close(1000);
    expect([...stored.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(buffer.stats).toMatchObject({ buffered: 0, written: 4, duplicates: 0 });
  });

  it('gives the event loop back between batches, so requests wait for one batch, not the whole flush', async () => {
    const events: string[] = [];
    const buffer = createSpendBuffer({
      flushIntervalMs: 60_000,
      batchSize: 1,
      record: async (logs) => {
        if (events.push('write') === 1) setImmediate(() => events.push('event loop'));
        return { inserted: logs.length, duplicates: 0 };
      },
    });
    for (const id of ['a', 'b']) buffer.add(log(id));
    await buffer.flush();
    expect(events).toEqual(['write', 'event loop', 'write']);
    await buffer.close(1000);
  });
});
