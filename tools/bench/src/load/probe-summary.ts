import { percentile } from './percentile.js';

export interface ProbeSample {
  /** 2xx and the body read to its end. */
  ok: boolean;
  /** Request start to the first body chunk, ms. */
  firstByteMs: number;
  /** Request start to the end of the body, ms. */
  totalMs: number;
  /** Body chunks the client received (shows whether a proxy coalesced the upstream's writes). */
  chunks: number;
  /** Lines starting with "data:" in the body. */
  sseEvents: number;
}

export interface ProbeResult {
  requests: number;
  errors: number;
  ttfbMs: { p50: number; p99: number };
  totalMs: { p50: number; p99: number };
  /** Medians per response. */
  chunks: number;
  sseEvents: number;
}

/** Percentiles over the successful samples; `errors` counts the rest. */
export function summarizeProbe(samples: readonly ProbeSample[]): ProbeResult {
  const ok = samples.filter((sample) => sample.ok);
  const pick = (key: keyof Omit<ProbeSample, 'ok'>) => ok.map((sample) => sample[key]);
  return {
    requests: samples.length,
    errors: samples.length - ok.length,
    ttfbMs: { p50: percentile(pick('firstByteMs'), 50), p99: percentile(pick('firstByteMs'), 99) },
    totalMs: { p50: percentile(pick('totalMs'), 50), p99: percentile(pick('totalMs'), 99) },
    chunks: percentile(pick('chunks'), 50),
    sseEvents: percentile(pick('sseEvents'), 50),
  };
}
