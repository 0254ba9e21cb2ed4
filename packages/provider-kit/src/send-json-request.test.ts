import { SwitchyardError } from '@switchyard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client.js';
import { sendJsonRequest, type ErrorAnswer, type JsonRequest } from './send-json-request.js';
import { rejectedError } from './testing/caught-error.js';
import { startRecordedServer } from './testing/recorded-server.js';
import { useRecordedServer } from './testing/use-recorded-server.js';

describe('sendJsonRequest', () => {
  const http = createHttpClient();
  afterAll(() => http.close());
  const loopback = useRecordedServer({ clearBeforeEach: true });

  const answers: ErrorAnswer[] = [];
  const request = (overrides: Partial<JsonRequest> = {}): JsonRequest => ({
    http,
    provider: 'acme',
    url: `${loopback().origin}/v1/chat`,
    headers: { 'content-type': 'application/json', 'x-key': 'k' },
    body: '{"model":"m"}',
    timeoutMs: undefined,
    errorFromAnswer: (answer) => {
      answers.push(answer);
      return new SwitchyardError('rate_limit', `acme ${answer.status}`, { provider: 'acme' });
    },
    ...overrides,
  });

  it('POSTs the body with the given headers and resolves with a success response', async () => {
    loopback().enqueue({ status: 201, body: '{"ok":true}' });
    const response = await sendJsonRequest(request());
    expect(response.status).toBe(201);
    expect(await response.body.text()).toBe('{"ok":true}');
    const captured = await loopback().request(0);
    expect([captured.method, captured.url, captured.body, captured.headers['x-key']]).toEqual(['POST', '/v1/chat', '{"model":"m"}', 'k']);
  });

  it("builds the provider's error from an error answer's status, headers and body", async () => {
    answers.length = 0;
    loopback().enqueue({ status: 429, headers: { 'retry-after': '3' }, body: '{"error":"slow down"}' });
    const error = await rejectedError(() => sendJsonRequest(request()));
    expect([error.kind, error.message]).toEqual(['rate_limit', 'acme 429']);
    expect(answers).toHaveLength(1);
    expect([answers[0]?.status, answers[0]?.headers['retry-after'], answers[0]?.bodyText]).toEqual([429, '3', '{"error":"slow down"}']);
  });

  it('maps a connection lost while the error body is read to the transport error, or to the status alone', async () => {
    loopback().enqueue({ status: 503, body: '{"error": "half', after: 'reset' }, { status: 503, body: '{"error": "half', after: 'reset' });
    expect((await rejectedError(() => sendJsonRequest(request()))).kind).toBe('upstream_unavailable');
    answers.length = 0;
    const error = await rejectedError(() => sendJsonRequest(request({ lostErrorBody: 'status' })));
    expect(error.message).toBe('acme 503');
    expect(answers[0]?.bodyText).toBe('');
  });

  it('maps transport failures: an unreachable upstream, the default timeout and the call timeout', async () => {
    const closed = await startRecordedServer();
    const unreachable = `${closed.origin}/v1/chat`;
    await closed.close();
    expect((await rejectedError(() => sendJsonRequest(request({ url: unreachable })))).kind).toBe('upstream_unavailable');
    loopback().enqueue({ hang: true }, { hang: true });
    expect((await rejectedError(() => sendJsonRequest(request({ timeoutMs: 100 })))).kind).toBe('timeout');
    const callTimeout = await rejectedError(() => sendJsonRequest(request({ timeoutMs: 60_000 }), { timeoutMs: 100 }));
    expect([callTimeout.kind, callTimeout.provider]).toEqual(['timeout', 'acme']);
  });
});
