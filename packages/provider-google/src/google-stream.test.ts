import type { ChatCompletionRequest } from '@switchyard/core';
import { readChunksFixture, rejectedError, sseFromChunks, useRecordedServer } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { fixtures, geminiTestKey } from './google-conformance-cases.test-utils.js';
import { createGemini } from './google-provider.js';

const loopback = useRecordedServer({ clearBeforeEach: true });

const request: ChatCompletionRequest = { model: 'gemini-3-pro-preview', stream: true, messages: [{ role: 'user', content: 'Count the r in strawberry' }] };
const provider = () => createGemini({ apiKey: geminiTestKey, baseURL: loopback().origin, env: {} });
const textLines = () => readChunksFixture(fixtures, 'google-text.chunks.txt');

async function collectText(body: string): Promise<string> {
  loopback().enqueue({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
  let text = '';
  for await (const part of await provider().streamChat(request)) text += part.chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('googleStreamChat', () => {
  it('reads events framed with LF as well as CRLF separators', async () => {
    const crlf = await collectText(sseFromChunks(textLines(), { separator: '\r\n\r\n' }));
    const lf = await collectText(sseFromChunks(textLines(), { separator: '\n\n' }));
    expect(lf).toBe(crlf);
    expect(lf).toBe('There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y');
  });

  it('throws upstream_unavailable from the iterator for an event that is not JSON', async () => {
    loopback().enqueue({ status: 200, body: `${sseFromChunks(textLines().slice(0, 1))}data: {"candidates": [\n\n` });
    const stream = await provider().streamChat(request);
    const error = await rejectedError(async () => {
      for await (const part of stream) void part;
    });
    expect(error.kind).toBe('upstream_unavailable');
    expect(error.message).toContain('not JSON');
  });

  it('throws the tool-call failure when the stream ends in MALFORMED_FUNCTION_CALL', async () => {
    const malformed = JSON.stringify({ candidates: [{ content: { parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'Malformed function call: weather(' }] });
    loopback().enqueue({ status: 200, body: sseFromChunks([malformed], { separator: '\r\n\r\n' }) });
    const stream = await provider().streamChat(request);
    const error = await rejectedError(async () => {
      for await (const part of stream) void part;
    });
    expect([error.kind, error.code]).toEqual(['upstream_unavailable', 'malformed_function_call']);
    expect(error.message).toContain('Malformed function call: weather(');
  });

  it('closes the upstream connection when the consumer stops early', async () => {
    loopback().enqueue({ status: 200, body: [sseFromChunks(textLines().slice(0, 1), { separator: '\r\n\r\n' })], after: 'hang' });
    const stream = await provider().streamChat(request);
    for await (const part of stream) {
      expect(part.chunk.choices[0]?.delta.content).toBe('There are **3**');
      break;
    }
    await loopback().connectionClosed(await loopback().request(0));
  });

  it('passes the upstream response headers on', async () => {
    loopback().enqueue({ status: 200, headers: { 'x-gemini-service-tier': 'standard' }, body: sseFromChunks(textLines(), { separator: '\r\n\r\n' }) });
    const stream = await provider().streamChat(request);
    expect(stream.upstreamHeaders?.['x-gemini-service-tier']).toBe('standard');
    for await (const part of stream) void part;
  });
});
