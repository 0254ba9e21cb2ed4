import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

type Child<T> = T extends Counter<string> ? ReturnType<T['labels']> : T extends Histogram<string> ? ReturnType<T['labels']> : never;

/** The metric children of one (model group, provider) pair, bound once so the request path does no label hashing. */
export class TargetMetrics {
  readonly #requests: Array<Child<Counter<string>> | undefined> = [];
  readonly #errors: Array<Child<Counter<string>> | undefined> = [];
  #latency: Child<Histogram<string>> | undefined;
  #ttft: Child<Histogram<string>> | undefined;

  constructor(
    private readonly metrics: GatewayMetrics,
    private readonly modelGroup: string,
    private readonly provider: string,
  ) {}

  /** Records a finished request: its status, how long it took in seconds, and whether it failed (mid-stream too). */
  observe(status: number, seconds: number, failed: boolean): void {
    const index = Math.min(4, Math.max(0, Math.floor(status / 100) - 1));
    const labels = { model_group: this.modelGroup, provider: this.provider, status_class: statusClasses[index]! };
    (this.#requests[index] ??= this.metrics.requests.labels(labels)).inc();
    if (failed || status >= 400) (this.#errors[index] ??= this.metrics.errors.labels(labels)).inc();
    (this.#latency ??= this.metrics.latency.labels({ model_group: this.modelGroup, provider: this.provider })).observe(seconds);
  }

  observeTimeToFirstToken(seconds: number): void {
    (this.#ttft ??= this.metrics.timeToFirstToken.labels({ model_group: this.modelGroup, provider: this.provider })).observe(seconds);
  }
}

/** The gateway's Prometheus metrics, in their own registry (never the global one). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'model_group' | 'provider' | 'status_class'>;
  readonly errors: Counter<'model_group' | 'provider' | 'status_class'>;
  readonly latency: Histogram<'model_group' | 'provider'>;
  readonly timeToFirstToken: Histogram<'model_group' | 'provider'>;
  readonly #targets = new Map<string, TargetMetrics>();

  constructor(inFlight: () => number, options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    const byTarget = ['model_group', 'provider'] as const;
    const byStatus = ['model_group', 'provider', 'status_class'] as const;
    this.requests = new Counter({ name: 'switchyard_requests_total', help: 'Model requests answered, by model group, provider and status class.', labelNames: byStatus, registers });
    this.errors = new Counter({ name: 'switchyard_request_errors_total', help: 'Model requests answered with an error status.', labelNames: byStatus, registers });
    this.latency = new Histogram({ name: 'switchyard_request_duration_seconds', help: 'Time from request to the last byte of the answer.', labelNames: byTarget, buckets: latencyBuckets, registers });
    this.timeToFirstToken = new Histogram({ name: 'switchyard_time_to_first_token_seconds', help: 'Time from request to the first streamed chunk.', labelNames: byTarget, buckets: latencyBuckets, registers });
    new Gauge({ name: 'switchyard_in_flight_requests', help: 'Requests being served right now.', registers, collect() { this.set(inFlight()); } });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'switchyard_' });
  }

  /** Counts soft-budget alerts by scope (key, team, user, organization), read from the alerter's counts. */
  watchSoftBudgetAlerts(counts: Readonly<Record<string, number>>): void {
    new Counter({
      name: 'switchyard_soft_budget_alerts_total',
      help: 'Scopes that reached their soft budget (alerted once per budget period and process), by scope.',
      labelNames: ['scope'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [scope, count] of Object.entries(counts)) this.inc({ scope }, count);
      },
    });
  }

  /** Exposes the spend-log buffer: logs waiting to be written, written, dropped (buffer full) and failed flushes. */
  watchSpendBuffer(stats: () => { buffered: number; written: number; dropped: number; failedFlushes: number }): void {
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: (current: ReturnType<typeof stats>) => number) =>
      new Gauge({ name, help, registers, collect() { this.set(read(stats())); } });
    gauge('switchyard_spend_logs_buffered', 'Spend logs queued in this process, not yet written to the store.', (s) => s.buffered);
    gauge('switchyard_spend_logs_written_total', 'Spend logs this process wrote to the store.', (s) => s.written);
    gauge('switchyard_spend_logs_dropped_total', 'Spend logs dropped because the buffer was full (the store was down too long).', (s) => s.dropped);
    gauge('switchyard_spend_log_flush_failures_total', 'Spend-log flushes that failed (the logs stay buffered and are retried).', (s) => s.failedFlushes);
  }

  /** The bound metrics for a (model group, provider) pair; "" stands for "not resolved". */
  target(modelGroup: string, provider: string): TargetMetrics {
    const key = `${modelGroup}\u0000${provider}`;
    let target = this.#targets.get(key);
    if (!target) {
      target = new TargetMetrics(this, modelGroup, provider);
      this.#targets.set(key, target);
    }
    return target;
  }
}
