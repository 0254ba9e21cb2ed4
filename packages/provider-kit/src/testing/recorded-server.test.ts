import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { startRecordedServer, type RecordedServer } from './recorded-server.js';

describe('startRecordedServer', () => {
  let server: RecordedServer;
  beforeAll(async () => {
    server = await startRecordedServer({ sliceSizes: [1, 2, 5] });
  });
  afterAll(() => server.close());
  beforeEach(() => server.clear());

  it('serves queued answers in order, cut into the configured slices, and captures the requests', async () => {
    server.enqueue({ status: 201, headers: { 'x-upstream': 'yes' }, body: '{"héllo":"wörld"}' }, { body: 'data: 1\n\n' });
    const bytes: number[] = [];
    const first = await request(`${server.origin}/v1/x?api-version=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"model":"m"}',
    });
    for await (const chunk of first.body) bytes.push((chunk as Buffer).length);
    const second = await request(`${server.origin}/stream`, { method: 'POST', body: 'not json' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['x-upstream']).toBe('yes');
    expect(first.headers['content-type']).toBe('application/json');
    expect(second.headers['content-type']).toBe('text/event-stream');
    expect(await second.body.text()).toBe('data: 1\n\n');
    expect(bytes.reduce((sum, size) => sum + size, 0)).toBe(Buffer.byteLength('{"héllo":"wörld"}'));
    expect(Math.max(...bytes)).toBeLessThanOrEqual(5);
    expect(server.requests.map((captured) => [captured.method, captured.url, captured.json])).toEqual([
      ['POST', '/v1/x?api-version=1', { model: 'm' }],
      ['POST', '/stream', undefined],
    ]);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer k');
    expect(server.requests[1]?.body).toBe('not json');
  });

  it('writes array bodies part by part and answers through a handler when one is set', async () => {
    server.setHandler((captured) => ({ body: ['a', Buffer.from('b'), `c${captured.url}`] }));
    const response = await request(`${server.origin}/path`);
    expect(await response.body.text()).toBe('abc/path');
  });

  it('answers 500 with an OpenAI error body when nothing is queued', async () => {
    const response = await request(`${server.origin}/nothing`, { method: 'POST', body: '{}' });
    expect(response.statusCode).toBe(500);
    const body = (await response.body.json()) as { error: { message: string } };
    expect(body.error.message).toContain('no response queued for POST /nothing');
  });

  it('hangs until the client goes away, and reports the closed connection', async () => {
    server.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = request(`${server.origin}/hang`, { signal: controller.signal }).then(
      () => 'answered',
      () => 'aborted',
    );
    const captured = await server.request(0);
    controller.abort();
    expect(await pending).toBe('aborted');
    await server.connectionClosed(captured);
  });

  it('resets the socket before or after the headers', async () => {
    server.enqueue({ reset: true }, { body: 'data: partial', after: 'reset' });
    await expect(request(`${server.origin}/reset`)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    const started = await request(`${server.origin}/midway`);
    expect(started.statusCode).toBe(200);
    await expect(started.body.text()).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it('keeps a started response open with after: hang', async () => {
    server.enqueue({ body: 'data: first\n\n', after: 'hang' });
    const response = await request(`${server.origin}/slow`, { bodyTimeout: 200 });
    await expect(response.body.text()).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('listens for the close of a kept-alive connection once, however many requests it carries', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const agent = new Agent({ connections: 1 });
    try {
      for (let turn = 0; turn < 15; turn++) {
        server.enqueue({ body: '{}' });
        const response = await request(`${server.origin}/keep-alive`, { dispatcher: agent });
        await response.body.text();
      }
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await agent.close();
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    const first = server.requests[0];
    const last = server.requests[14];
    // One connection carried all of them, and both requests share its one close promise.
    expect(first && last && server.connectionClosed(first) === server.connectionClosed(last)).toBe(true);
  });
});
