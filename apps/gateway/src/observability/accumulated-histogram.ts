import type { Registry } from 'prom-client';
import { AccumulatedMetric, type Labels, type Sample } from './accumulated-metric.js';

/** One label set of an `AccumulatedHistogram`: per-bucket counts (not cumulative), sum and count. */
export class HistogramSeries {
  readonly buckets: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    private readonly metric: AccumulatedHistogram,
    readonly labels: Labels,
  ) {
    this.buckets = new Float64Array(metric.bounds.length);
  }

  /** Counts a finite value in the first bucket whose bound it does not exceed (above the last: +Inf only). */
  observe(value: number): void {
    if (this.count === 0) this.metric.list(this);
    const bounds = this.metric.bounds;
    for (let index = 0; index < bounds.length; index++) {
      if (value <= bounds[index]!) {
        this.buckets[index]! += 1;
        break;
      }
    }
    this.sum += value;
    this.count += 1;
  }
}

/** A histogram written out exactly as prom-client's Histogram writes the same observations. */
export class AccumulatedHistogram extends AccumulatedMetric<HistogramSeries> {
  constructor(
    registry: Registry,
    name: string,
    help: string,
    /** Upper bounds, ascending, without +Inf. */
    readonly bounds: readonly number[],
  ) {
    super(registry, name, help, 'histogram');
  }

  /** The series of a label set; bind it once and keep it (every call makes a new series). */
  series(labels: Labels): HistogramSeries {
    return new HistogramSeries(this, labels);
  }

  protected samples(): Sample[] {
    const bucket = `${this.name}_bucket`;
    const samples: Sample[] = [];
    for (const series of this.listed) {
      let cumulative = 0;
      for (const [index, bound] of this.bounds.entries()) {
        cumulative += series.buckets[index]!;
        samples.push({ value: cumulative, metricName: bucket, exemplar: null, labels: { le: bound, ...series.labels } });
      }
      samples.push({ value: series.count, metricName: bucket, exemplar: null, labels: { le: '+Inf', ...series.labels } });
      samples.push({ value: series.sum, metricName: `${this.name}_sum`, exemplar: undefined, labels: { ...series.labels } });
      samples.push({ value: series.count, metricName: `${this.name}_count`, exemplar: undefined, labels: { ...series.labels } });
    }
    return samples;
  }

  protected zero(series: HistogramSeries): void {
    series.buckets.fill(0);
    series.sum = 0;
    series.count = 0;
  }
}
