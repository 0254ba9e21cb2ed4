export interface RssSample {
  /** Seconds since the load started (negative: before it, the idle samples). */
  atSeconds: number;
  rssMb: number;
}

export interface RssSeriesSummary {
  /** Mean RSS before the load (the gateway started and idle). */
  idleMb: number;
  /** Median RSS while loaded. */
  loadedMb: number;
  peakMb: number;
  /** Mean RSS of the first and of the last minute of the load (or of its first and last sixth when shorter). */
  firstWindowMb: number;
  lastWindowMb: number;
  windowSeconds: number;
  /** Least-squares slope of RSS over the load after its first window (warm-up excluded), MB per minute. */
  slopeMbPerMinute: number;
}

const average = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Slope of y over x in units per x (least squares); NaN with fewer than two points. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 2) return Number.NaN;
  const meanX = average(points.map(([x]) => x));
  const meanY = average(points.map(([, y]) => y));
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? Number.NaN : covariance / variance;
}

/** Idle, loaded and peak RSS, first vs last window and the slope of a soak's samples. */
export function summarizeRss(samples: readonly RssSample[], loadSeconds: number): RssSeriesSummary {
  const idle = samples.filter((sample) => sample.atSeconds < 0).map((sample) => sample.rssMb);
  const loaded = samples.filter((sample) => sample.atSeconds >= 0 && sample.atSeconds <= loadSeconds);
  const windowSeconds = Math.min(60, loadSeconds / 6);
  const inWindow = (from: number, to: number) => loaded.filter((sample) => sample.atSeconds >= from && sample.atSeconds <= to).map((sample) => sample.rssMb);
  const settled = loaded.filter((sample) => sample.atSeconds >= windowSeconds);
  return {
    idleMb: average(idle),
    loadedMb: median(loaded.map((sample) => sample.rssMb)),
    peakMb: Math.max(...samples.map((sample) => sample.rssMb)),
    firstWindowMb: average(inWindow(0, windowSeconds)),
    lastWindowMb: average(inWindow(loadSeconds - windowSeconds, loadSeconds)),
    windowSeconds,
    slopeMbPerMinute: slope(settled.map((sample) => [sample.atSeconds / 60, sample.rssMb] as const)),
  };
}
