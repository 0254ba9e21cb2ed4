import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { post, scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { parseRawResponse, rawRequest } from '../support/raw-http.js';

let harness: Harness;
let small: Harness;
const valid = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'hi' }] });

beforeAll(async () => {
  harness = await startHarness(`model_list:\n  - model_name: demo\n    litellm_params: ${scenarioParams('chunks=2')}\n`);
  small = await startHarness(`general_settings: {max_request_size_mb: 0.01}\nmodel_list:\n  - model_name: demo\n    litellm_params: ${scenarioParams('chunks=2')}\n`);
});
afterAll(async () => {
  await harness.close();
  await small.close();
});

async function expectStillServing(target: Harness = harness): Promise<void> {
  const after = await post(`${target.url}/v1/chat/completions`, valid);
  expect(after.status).toBe(200);
  expect((after.json as { object: string }).object).toBe('chat.completion');
}

describe('bad input gets a precise 4xx and the gateway keeps serving', () => {
  it.each([
    ['malformed JSON', '{"model": "demo", "messages": [', 400, 'invalid_json', null],
    ['an empty body', '', 400, 'invalid_json', null],
    ['a JSON array', '[1, 2]', 400, null, null],
    ['a wrongly typed model', '{"model": 5, "messages": [{"role": "user", "content": "x"}]}', 400, null, 'model'],
    ['missing messages', '{"model": "demo"}', 400, null, 'messages'],
    ['a bad role', '{"model": "demo", "messages": [{"role": "wizard", "content": "x"}]}', 400, null, 'messages[0].role'],
    ['a bad temperature', '{"model": "demo", "messages": [{"role": "user", "content": "x"}], "temperature": "hot"}', 400, null, 'temperature'],
    ['an unknown model', '{"model": "no-such-model", "messages": [{"role": "user", "content": "x"}]}', 404, 'model_not_found', 'model'],
  ])('%s', async (_name, body, status, code, param) => {
    const response = await post(`${harness.url}/v1/chat/completions`, body);
    expect(response.status).toBe(status);
    expectOpenAIError(response.json, { code, param, type: status === 404 ? 'invalid_request_error' : 'invalid_request_error' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    await expectStillServing();
  });

  it('names the nested field of a union that failed', async () => {
    const response = await post(`${harness.url}/v1/chat/completions`, JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: [{ type: 'image_url' }] }] }));
    expect(response.status).toBe(400);
    expect((response.json as { error: { param: string } }).error.param).toBe('messages[0].content[0].image_url');
  });

  it('rejects a nesting bomb with 400 instead of overflowing the stack upstream', async () => {
    const depth = 100_000;
    const body = `{"model": "demo", "messages": [{"role": "user", "content": "x"}], "extra": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await post(`${harness.url}/v1/chat/completions`, body);
    expect(response.status).toBe(400);
    expectOpenAIError(response.json, { code: 'invalid_json' });
    expect((response.json as { error: { message: string } }).error.message).toContain('nests deeper than 128 levels');
    await expectStillServing();
  });

  it('rejects invalid UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"model": "demo", "messages": [{"role": "user", "content": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}]}')]);
    const response = await post(`${harness.url}/v1/chat/completions`, body);
    expect(response.status).toBe(400);
    expectOpenAIError(response.json, { code: 'invalid_encoding' });
    await expectStillServing();
  });

  it('rejects a non-JSON content-type with 415', async () => {
    const response = await post(`${harness.url}/v1/chat/completions`, valid, { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expectOpenAIError(response.json, { code: 'unsupported_media_type' });
    await expectStillServing();
  });

  it('answers 413 for a 10 MB message under the default 8 MiB limit', async () => {
    const body = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'x'.repeat(10 * 1024 * 1024) }] });
    const response = await post(`${harness.url}/v1/chat/completions`, body);
    expect(response.status).toBe(413);
    expectOpenAIError(response.json, { code: 'payload_too_large' });
    expect((response.json as { error: { message: string } }).error.message).toContain('8 MiB');
    await expectStillServing();
  });

  it('answers 413 past general_settings.max_request_size_mb, counting bytes as they stream in', async () => {
    const body = JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'y'.repeat(20_000) }] });
    const declared = await post(`${small.url}/v1/chat/completions`, body);
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(small.url, `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    const parsed = parseRawResponse(chunked);
    expect(parsed.status).toBe(413);
    expectOpenAIError(JSON.parse(parsed.body), { code: 'payload_too_large' });
    await expectStillServing(small);
  });

  it('answers 431 to a header flood and keeps serving', async () => {
    const flood = Array.from({ length: 200 }, (_, index) => `x-flood-${index}: ${'a'.repeat(200)}\r\n`).join('');
    const raw = await rawRequest(harness.url, `POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\n${flood}content-length: 2\r\n\r\n{}`);
    const parsed = parseRawResponse(raw);
    expect(parsed.status).toBe(431);
    expectOpenAIError(JSON.parse(parsed.body), { code: 'headers_too_large' });
    await expectStillServing();
  });

  it('answers 400 to malformed HTTP', async () => {
    const parsed = parseRawResponse(await rawRequest(harness.url, 'THIS IS NOT HTTP\r\n\r\n'));
    expect(parsed.status).toBe(400);
    expectOpenAIError(JSON.parse(parsed.body));
    await expectStillServing();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${harness.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expectOpenAIError(await response.json(), { code: 'unknown_route' });
  });
});
