import type { Registry } from 'prom-client';
import { AccumulatedCounter, type CounterSeries } from './accumulated-counter.js';
import { AccumulatedHistogram, type HistogramSeries } from './accumulated-histogram.js';

export const latencyBuckets: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/** The per-request metrics: names and help as /metrics writes them, registered in this order. */
export const targetMetricDefinitions = {
  requests: { name: 'switchyard_requests_total', help: 'Model requests answered, by model group, provider and status class.' },
  errors: { name: 'switchyard_request_errors_total', help: 'Model requests answered with an error status.' },
  latency: { name: 'switchyard_request_duration_seconds', help: 'Time from request to the last byte of the answer.' },
  timeToFirstToken: { name: 'switchyard_time_to_first_token_seconds', help: 'Time from request to the first streamed chunk.' },
} as const;

/** The four per-request metrics, labelled by model group and provider (the counters by status class too). */
export interface TargetFamilies {
  readonly requests: AccumulatedCounter;
  readonly errors: AccumulatedCounter;
  readonly latency: AccumulatedHistogram;
  readonly timeToFirstToken: AccumulatedHistogram;
}

export function createTargetFamilies(registry: Registry): TargetFamilies {
  const { requests, errors, latency, timeToFirstToken } = targetMetricDefinitions;
  return {
    requests: new AccumulatedCounter(registry, requests.name, requests.help),
    errors: new AccumulatedCounter(registry, errors.name, errors.help),
    latency: new AccumulatedHistogram(registry, latency.name, latency.help, latencyBuckets),
    timeToFirstToken: new AccumulatedHistogram(registry, timeToFirstToken.name, timeToFirstToken.help, latencyBuckets),
  };
}

/** The metric series of one (model group, provider) pair, bound on first use: recording hashes and allocates nothing. */
export class TargetMetrics {
  readonly #requests: Array<CounterSeries | undefined> = [undefined, undefined, undefined, undefined, undefined];
  readonly #errors: Array<CounterSeries | undefined> = [undefined, undefined, undefined, undefined, undefined];
  #latency: HistogramSeries | undefined;
  #ttft: HistogramSeries | undefined;

  constructor(
    private readonly families: TargetFamilies,
    private readonly modelGroup: string,
    private readonly provider: string,
  ) {}

  /** Records a finished request: its status, how long it took in seconds, and whether it failed (mid-stream too). */
  observe(status: number, seconds: number, failed: boolean): void {
    const index = Math.min(4, Math.max(0, Math.floor(status / 100) - 1));
    (this.#requests[index] ??= this.families.requests.series(this.#statusLabels(index))).inc();
    if (failed || status >= 400) (this.#errors[index] ??= this.families.errors.series(this.#statusLabels(index))).inc();
    (this.#latency ??= this.families.latency.series(this.#labels())).observe(seconds);
  }

  observeTimeToFirstToken(seconds: number): void {
    (this.#ttft ??= this.families.timeToFirstToken.series(this.#labels())).observe(seconds);
  }

  #labels() {
    return { model_group: this.modelGroup, provider: this.provider };
  }

  #statusLabels(index: number) {
    return { model_group: this.modelGroup, provider: this.provider, status_class: statusClasses[index]! };
  }
}
