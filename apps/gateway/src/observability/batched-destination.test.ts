import { describe, expect, it } from 'vitest';
import { batchedDestination, type BatchSink } from './batched-destination.js';

function recordingSink(): BatchSink & { writes: string[]; syncFlushes: number } {
  const sink = {
    writes: [] as string[],
    syncFlushes: 0,
    write(text: string) {
      sink.writes.push(text);
      return true;
    },
    flushSync() {
      sink.syncFlushes++;
    },
  };
  return sink;
}

describe('batchedDestination', () => {
  it('hands lines to the sink once a batch is full, in order and whole', () => {
    const sink = recordingSink();
    const destination = batchedDestination(sink, 10);
    destination.write('aaaa\n');
    expect(sink.writes).toEqual([]);
    destination.write('bbbb\n');
    expect(sink.writes).toEqual(['aaaa\nbbbb\n']);
    destination.write('cc\n');
    destination.write('a line longer than the batch\n');
    expect(sink.writes).toEqual(['aaaa\nbbbb\n', 'cc\na line longer than the batch\n']);
  });

  it('flush hands over what a quiet gateway collected, and nothing when nothing is pending', () => {
    const sink = recordingSink();
    const destination = batchedDestination(sink, 1024);
    destination.flush();
    expect(sink.writes).toEqual([]);
    destination.write('one\n');
    destination.flush();
    destination.flush();
    expect(sink.writes).toEqual(['one\n']);
  });

  it('flushSync hands over the pending lines before the sink writes synchronously', () => {
    const sink = recordingSink();
    const destination = batchedDestination(sink, 1024);
    destination.write('last words\n');
    destination.flushSync();
    expect(sink.writes).toEqual(['last words\n']);
    expect(sink.syncFlushes).toBe(1);
  });
});
