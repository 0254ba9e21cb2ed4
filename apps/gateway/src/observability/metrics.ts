import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { createTargetFamilies, TargetMetrics, type TargetFamilies } from './target-metrics.js';

/** The gateway's Prometheus metrics, in their own registry (never the global one). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #families: TargetFamilies;
  /** model group -> provider -> bound series: two lookups of strings whose hashes V8 keeps, no key built. */
  readonly #targets = new Map<string, Map<string, TargetMetrics>>();

  constructor(inFlight: () => number, options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.#families = createTargetFamilies(this.registry);
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
    let byProvider = this.#targets.get(modelGroup);
    if (byProvider === undefined) this.#targets.set(modelGroup, (byProvider = new Map()));
    let target = byProvider.get(provider);
    if (target === undefined) byProvider.set(provider, (target = new TargetMetrics(this.#families, modelGroup, provider)));
    return target;
  }
}
