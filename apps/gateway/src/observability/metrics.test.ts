import { Counter, Gauge, Histogram, Registry, type OpenMetricsContentType } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { GatewayMetrics } from './metrics.js';
import { latencyBuckets, targetMetricDefinitions } from './target-metrics.js';

/** One finished request: model group, provider, status, seconds, failed, and time to first token when streamed. */
type Observation = [string, string, number, number, boolean, number?];

// Several label sets, first seen in different orders by each metric; every status class and 499; values below,
// on and between bounds, above the last one, zero, and label values the exposition escapes.
const observations: Observation[] = [
  ['gpt-4o', 'openai', 200, 0.0012, false],
  ['', '', 404, 0.0001, false],
  ['claude', 'anthropic', 200, 0.005, false, 0.001],
  ['gpt-4o', 'azure', 502, 1.7, true],
  ['gpt-4o', 'openai', 200, 0.3, true, 0.2],
  ['claude', 'anthropic', 499, 301, false, 0.02],
  ['gpt-4o', 'openai', 101, 0, false],
  ['odd "model"\\\n', 'openai', 302, 0.01, false],
  ['gpt-4o', 'openai', 500, 12.25, false],
  ['gpt-4o', 'openai', 200, 0.0012, false, 300],
  ['claude', 'anthropic', 200, 60.0001, false, 0.7],
];

function record(metrics: GatewayMetrics, list: Observation[]): void {
  for (const [modelGroup, provider, status, seconds, failed, ttft] of list) {
    const target = metrics.target(modelGroup, provider);
    target.observe(status, seconds, failed);
    if (ttft !== undefined) target.observeTimeToFirstToken(ttft);
  }
}

/** The same metrics as plain prom-client objects, recording the same observations the plain way. */
function reference() {
  const registers = [new Registry()];
  const { requests, errors, latency, timeToFirstToken } = targetMetricDefinitions;
  const byStatus = ['model_group', 'provider', 'status_class'];
  const byTarget = ['model_group', 'provider'];
  const counters = [requests, errors].map((definition) => new Counter({ ...definition, labelNames: byStatus, registers }));
  const histograms = [latency, timeToFirstToken].map((definition) => new Histogram({ ...definition, labelNames: byTarget, buckets: [...latencyBuckets], registers }));
  new Gauge({ name: 'switchyard_in_flight_requests', help: 'Requests being served right now.', registers, collect() { this.set(0); } });
  const record = (list: Observation[]) => {
    for (const [model_group, provider, status, seconds, failed, ttft] of list) {
      const status_class = `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;
      counters[0]!.inc({ model_group, provider, status_class });
      if (failed || status >= 400) counters[1]!.inc({ model_group, provider, status_class });
      histograms[0]!.observe({ model_group, provider }, seconds);
      if (ttft !== undefined) histograms[1]!.observe({ model_group, provider }, ttft);
    }
  };
  return { registry: registers[0]!, record };
}

describe('GatewayMetrics', () => {
  it('writes the per-request metrics byte for byte as prom-client Counters and Histograms would', async () => {
    const metrics = new GatewayMetrics(() => 0, { defaultMetrics: false });
    const expected = reference();
    expect(await metrics.registry.metrics()).toBe(await expected.registry.metrics());
    record(metrics, observations);
    expected.record(observations);
    const text = await metrics.registry.metrics();
    expect(text).toBe(await expected.registry.metrics());
    expect(text).toContain('switchyard_request_duration_seconds_bucket{le="+Inf",model_group="claude",provider="anthropic"} 3');
    expect(await metrics.registry.getMetricsAsJSON()).toStrictEqual(await expected.registry.getMetricsAsJSON());
  });

  it('starts over after a reset as prom-client does: series reappear in their new first-use order', async () => {
    const metrics = new GatewayMetrics(() => 0, { defaultMetrics: false });
    const expected = reference();
    record(metrics, observations);
    expected.record(observations);
    metrics.registry.resetMetrics();
    expected.registry.resetMetrics();
    expect(await metrics.registry.metrics()).toBe(await expected.registry.metrics());
    const again = observations.slice(3).reverse();
    record(metrics, again);
    expected.record(again);
    expect(await metrics.registry.metrics()).toBe(await expected.registry.metrics());
  });

  it('writes the same text on an OpenMetrics registry', async () => {
    const metrics = new GatewayMetrics(() => 0, { defaultMetrics: false });
    const expected = reference();
    for (const registry of [metrics.registry, expected.registry]) {
      (registry as unknown as Registry<OpenMetricsContentType>).setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    }
    record(metrics, observations);
    expected.record(observations);
    expect(await metrics.registry.metrics()).toBe(await expected.registry.metrics());
  });

  it('binds one set of series per (model group, provider) pair', () => {
    const metrics = new GatewayMetrics(() => 0, { defaultMetrics: false });
    expect(metrics.target('a', 'b')).toBe(metrics.target('a', 'b'));
    expect(metrics.target('a', 'b')).not.toBe(metrics.target('a', 'c'));
    expect(metrics.target('a\u0000b', '')).not.toBe(metrics.target('a', 'b\u0000'));
  });
});
