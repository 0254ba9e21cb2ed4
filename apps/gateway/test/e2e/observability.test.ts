import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, scenarioParams, startHarness, upstreamSecret, type Harness } from '../support/gateway-harness.js';
import { startSlowUpstream, type SlowUpstream } from '../support/slow-upstream.js';

let harness: Harness;
let slowUpstream: SlowUpstream;

beforeAll(async () => {
  slowUpstream = await startSlowUpstream();
  harness = await startHarness(`model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('chunks=3')}
  - model_name: slow
    litellm_params: {model: openai/slow, api_base: "${slowUpstream.baseUrl}", api_key: ${upstreamSecret}}
  - model_name: broken
    litellm_params: ${scenarioParams('fault=midstream')}
`);
});
afterAll(async () => {
  await harness.close();
  await slowUpstream.close();
});

const ask = (model: string, stream = false): string => JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hi' }] });

function metricValue(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((entry) => entry.startsWith(`${name}{${labels}}`));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics', () => {
  it('counts requests, errors, latency and time to first token by model group, provider and status class', async () => {
    await post(`${harness.url}/v1/chat/completions`, ask('demo'));
    await post(`${harness.url}/v1/chat/completions`, ask('demo', true));
    await post(`${harness.url}/v1/chat/completions`, ask('missing'));
    await post(`${harness.url}/v1/chat/completions`, ask('broken', true));
    const response = await fetch(`${harness.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(metricValue(text, 'switchyard_requests_total', 'model_group="demo",provider="openai",status_class="2xx"')).toBe(2);
    expect(metricValue(text, 'switchyard_requests_total', 'model_group="",provider="",status_class="4xx"')).toBe(1);
    expect(metricValue(text, 'switchyard_request_errors_total', 'model_group="",provider="",status_class="4xx"')).toBe(1);
    // a stream that failed after it started is still an error, though its status was 200
    expect(metricValue(text, 'switchyard_request_errors_total', 'model_group="broken",provider="openai",status_class="2xx"')).toBe(1);
    expect(metricValue(text, 'switchyard_request_duration_seconds_count', 'model_group="demo",provider="openai"')).toBe(2);
    expect(metricValue(text, 'switchyard_time_to_first_token_seconds_count', 'model_group="demo",provider="openai"')).toBe(1);
    expect(text).toContain('# TYPE switchyard_in_flight_requests gauge');
    expect(text).not.toContain('missing');
  });
});

describe('client disconnects', () => {
  it('aborts the upstream call when the client goes away mid-stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${harness.url}/v1/chat/completions`, {
      method: 'POST',
      body: ask('slow', true),
      headers: { 'content-type': 'application/json', 'x-request-id': 'abort-me' },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('data: ');
    // while the stream runs, the in-flight gauge counts it (and the scrape itself)
    const scrape = await (await fetch(`${harness.url}/metrics`)).text();
    expect(scrape).toMatch(/^switchyard_in_flight_requests 2$/m);
    controller.abort();
    // seen from the upstream: its connection closed before the stream was finished
    for (let waited = 0; slowUpstream.abortedStreams === 0 && waited < 200; waited++) await delay(50);
    expect(slowUpstream.startedStreams).toBe(1);
    expect(slowUpstream.abortedStreams).toBe(1);
    for (let waited = 0; !harness.logs.some((line) => line['requestId'] === 'abort-me') && waited < 100; waited++) await delay(50);
    expect(harness.logs.find((line) => line['requestId'] === 'abort-me')).toMatchObject({ clientClosed: true, stream: true, modelGroup: 'slow' });
    expect((await fetch(`${harness.url}/health/liveliness`)).status).toBe(200);
  });
});

describe('logs', () => {
  it('writes one JSON line per model request with id, route, group, provider, status, latency and usage', async () => {
    await post(`${harness.url}/v1/chat/completions`, ask('demo'), { 'x-request-id': 'log-check-1' });
    for (let waited = 0; !harness.logs.some((line) => line['requestId'] === 'log-check-1') && waited < 100; waited++) await delay(20);
    const line = harness.logs.find((entry) => entry['requestId'] === 'log-check-1');
    expect(line).toMatchObject({ level: 'info', method: 'POST', route: '/v1/chat/completions', modelGroup: 'demo', provider: 'openai', status: 200, attempts: 1, promptTokens: 1, completionTokens: 10 });
    expect(typeof line?.['latencyMs']).toBe('number');
    expect(JSON.stringify(line)).not.toContain('hi');
  });
});
