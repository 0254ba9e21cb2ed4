import { readTreeRssBytes } from './proc-stats.js';

export interface RssSampler {
  /** Stops sampling and returns the largest VmRSS seen, in bytes (0 if none was read). */
  stop(): Promise<number>;
}

/** Samples VmRSS of `pid` and its descendants (cluster workers) every `intervalMs` and keeps the maximum. */
export function sampleRss(pid: number, intervalMs = 250): RssSampler {
  let peak = 0;
  let pending: Promise<void> = Promise.resolve();
  const sample = (): void => {
    pending = readTreeRssBytes(pid).then((rss) => {
      if (rss > peak) peak = rss;
    });
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      sample();
      await pending;
      return peak;
    },
  };
}
