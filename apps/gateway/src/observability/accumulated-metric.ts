import type { Metric, Registry } from 'prom-client';

/** A series' labels, in the order they are written out. */
export type Labels = Readonly<Record<string, string>>;

/** One sample as prom-client's Counter and Histogram `get()` return it (the histogram's with its bucket fields). */
export interface Sample {
  value: number;
  metricName?: string;
  exemplar?: null | undefined;
  labels: Record<string, string | number>;
}

/** What prom-client's registry reads from a metric at scrape time. */
export interface MetricSnapshot {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: Sample[];
  aggregator: 'sum';
}

/**
 * A metric whose series count into plain fields, with no label hashing, and that prom-client's registry scrapes
 * through its public duck-typed interface: `name`, `help`, `type`, `aggregator`, `get()` and `reset()`. As in
 * prom-client, a series is written out from its first observation, in the order of first observations (again
 * after `reset()`).
 */
export abstract class AccumulatedMetric<Series> {
  readonly aggregator = 'sum';
  /** The series observed since the start or the last reset, in the order of their first observation. */
  protected listed: Series[] = [];

  constructor(
    registry: Registry,
    /** Writable: an OpenMetrics registry renames counters. */
    public name: string,
    readonly help: string,
    readonly type: 'counter' | 'histogram',
  ) {
    // prom-client's registry needs only the fields above; its type names its own four metric classes.
    registry.registerMetric(this as unknown as Metric);
  }

  /** Called by a series on its first observation since the start or the last reset. */
  list(series: Series): void {
    this.listed.push(series);
  }

  async get(): Promise<MetricSnapshot> {
    return { name: this.name, help: this.help, type: this.type, values: this.samples(), aggregator: this.aggregator };
  }

  /** Zeroes every series; each is written out again from its next observation, as prom-client's reset does. */
  reset(): void {
    for (const series of this.listed) this.zero(series);
    this.listed = [];
  }

  protected abstract samples(): Sample[];
  protected abstract zero(series: Series): void;
}
