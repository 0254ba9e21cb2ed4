import type { Registry } from 'prom-client';
import { AccumulatedMetric, type Labels, type Sample } from './accumulated-metric.js';

/** One label set of an `AccumulatedCounter`: `inc()` is a field increment. */
export class CounterSeries {
  value = 0;

  constructor(
    private readonly metric: AccumulatedCounter,
    readonly labels: Labels,
  ) {}

  inc(): void {
    if (this.value++ === 0) this.metric.list(this);
  }
}

/** A counter written out exactly as prom-client's Counter writes the same increments. */
export class AccumulatedCounter extends AccumulatedMetric<CounterSeries> {
  constructor(registry: Registry, name: string, help: string) {
    super(registry, name, help, 'counter');
  }

  /** The series of a label set; bind it once and keep it (every call makes a new series). */
  series(labels: Labels): CounterSeries {
    return new CounterSeries(this, labels);
  }

  protected samples(): Sample[] {
    return this.listed.map((series) => ({ value: series.value, labels: { ...series.labels } }));
  }

  protected zero(series: CounterSeries): void {
    series.value = 0;
  }
}
