import type { DestinationStream } from 'pino';

/** What the batches are handed to: pino's SonicBoom (asynchronous fd writes, partial writes and EAGAIN handled). */
export interface BatchSink {
  write(text: string): boolean;
  flushSync(): void;
}

export interface BatchedDestination extends DestinationStream {
  /** Hands what is collected to the sink (the timer calls it so a quiet gateway's lines still go out). */
  flush(): void;
  /** Hands what is collected to the sink and has the sink write everything synchronously (before exit). */
  flushSync(): void;
}

/**
 * Collects log lines in memory and hands them to the sink `batchChars` at a time. Each write to SonicBoom costs
 * per call (its buffer bookkeeping measures the whole pending string, and an asynchronous fd write hands work to
 * libuv's thread pool): a line per call cost a busy gateway about 20 µs of CPU per request, a batch per call
 * almost nothing (docs/benchmarks.md, "Hot-path work").
 */
export function batchedDestination(sink: BatchSink, batchChars = 64 * 1024): BatchedDestination {
  let lines: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (chars === 0) return;
    const text = lines.length === 1 ? (lines[0] as string) : lines.join('');
    lines = [];
    chars = 0;
    sink.write(text);
  };
  return {
    write(line: string): void {
      lines.push(line);
      chars += line.length;
      if (chars >= batchChars) flush();
    },
    flush,
    flushSync(): void {
      flush();
      sink.flushSync();
    },
  };
}
