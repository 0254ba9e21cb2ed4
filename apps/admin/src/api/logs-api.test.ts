import { describe, expect, it } from 'vitest';
import { logRow } from './logs-api';

describe('logRow', () => {
  it("reads LiteLLM's SpendLogs row, deriving latency and time to first token from the timestamps", () => {
    const row = logRow({
      request_id: 'req-1',
      api_key: 'hash-1',
      model: 'gpt-4o-mini',
      model_group: 'fast',
      spend: 0.0012,
      prompt_tokens: 10,
      completion_tokens: 5,
      startTime: '2026-11-27T10:00:00.000Z',
      endTime: '2026-11-27T10:00:01.500Z',
      completionStartTime: '2026-11-27T10:00:00.250Z',
      status: 'success',
      messages: {},
      response: '',
    });
    expect(row).toMatchObject({ requestId: 'req-1', keyHash: 'hash-1', modelGroup: 'fast', status: 'success', totalTokens: 15, latencyMs: 1500, timeToFirstTokenMs: 250, error: undefined });
    expect([row.messages, row.response]).toEqual([undefined, undefined]);
  });

  it('reads stored columns and errors, and takes an error as a failure', () => {
    const row = logRow({ request_id: 'r', cost: '0.5', latency_ms: 80, time_to_first_token_ms: 30, metadata: { error_information: { error_class: 'RateLimitError', error_message: 'slow down' } } });
    expect(row).toMatchObject({ spend: 0.5, latencyMs: 80, timeToFirstTokenMs: 30, status: 'failure', error: 'slow down' });
  });

  it("reads Switchyard's error class from the metadata", () => {
    expect(logRow({ request_id: 'r', status: 'failure', metadata: { error_class: 'upstream_unavailable', cached_tokens: 0 } })).toMatchObject({ status: 'failure', error: 'upstream_unavailable' });
    expect(logRow({ request_id: 'r', status: 'success', metadata: { error_class: null } }).error).toBeUndefined();
  });

  it('keeps message bodies when they are logged', () => {
    expect(logRow({ request_id: 'r', messages: [{ role: 'user', content: 'hi' }] }).messages).toEqual([{ role: 'user', content: 'hi' }]);
  });
});
