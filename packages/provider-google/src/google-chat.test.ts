import type { ChatCompletionRequest } from '@switchyard/core';
import { rejectedError } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { useCaptureServer } from './google-capture.test-utils.js';
import { jsonFixture } from './google-conformance-cases.test-utils.js';

const harness = useCaptureServer();
const request: ChatCompletionRequest = { model: 'gemini-3-pro-preview', messages: [{ role: 'user', content: 'Weather?' }] };

describe('googleChat', () => {
  it('returns the completion, its JSON body, its usage and the upstream headers', async () => {
    const upstream = { ...jsonFixture('google-text.json'), headers: { 'content-type': 'application/json', 'x-gemini-service-tier': 'standard' } };
    const result = await harness.answer(request, upstream);
    expect(JSON.parse(result.body as string)).toEqual(result.completion);
    expect(result.usage).toEqual(result.completion.usage);
    expect(result.upstreamHeaders?.['x-gemini-service-tier']).toBe('standard');
  });

  it('hands over the headers a caller may care about, not those of the HTTP exchange', async () => {
    const headers = { 'content-type': 'application/json', 'set-cookie': 'NID=1', 'retry-after': '3', 'x-goog-request-id': 'r1' };
    const result = await harness.answer(request, { ...jsonFixture('google-text.json'), headers });
    expect(result.upstreamHeaders).toEqual({ 'retry-after': '3', 'x-goog-request-id': 'r1' });
  });

  it('fails with the finish message when Gemini answers MALFORMED_FUNCTION_CALL', async () => {
    const body = JSON.stringify({
      candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'Malformed function call: weather(city=' }],
      usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
    });
    const error = await rejectedError(() => harness.answer(request, { status: 200, body }));
    expect([error.kind, error.status, error.code]).toEqual(['upstream_unavailable', 502, 'malformed_function_call']);
    expect(error.message).toContain('Malformed function call: weather(city=');
  });

  it('fails with upstream_unavailable on JSON that is not a GenerateContentResponse', async () => {
    const error = await rejectedError(() => harness.answer(request, { status: 200, body: '[1,2,3]' }));
    expect(error.kind).toBe('upstream_unavailable');
  });
});
