import { EventEmitter } from 'node:events';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EventStream } from './sse-writer.js';

/** Serves one SSE answer driven by `drive`, and hands the client's body chunks to `onChunk` as they arrive. */
async function serveOnce(drive: (events: EventStream, outgoing: ServerResponse) => Promise<void>, onChunk: (text: string) => void = () => {}): Promise<{ headers: Record<string, unknown>; body: string }> {
  const server = createServer((_incoming, outgoing) => {
    const events = new EventStream(outgoing, { 'x-test': 'yes' });
    void drive(events, outgoing).finally(() => events.close());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, method: 'POST' }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          body += text;
          onChunk(body);
        });
        response.on('end', () => resolve({ headers: response.headers, body }));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

/** Just enough of a ServerResponse to watch writes and simulate a full socket. */
class FakeResponse extends EventEmitter {
  full = false;
  destroyed = false;
  writableEnded = false;
  headersSent = false;
  readonly writes: string[] = [];
  writeHead(): this {
    return this;
  }
  flushHeaders(): void {}
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return !this.full;
  }
  end(chunk: string): void {
    this.writes.push(chunk);
    this.writableEnded = true;
  }
}

describe('EventStream', () => {
  it('sends the events of one tick as they were queued, then [DONE], with the SSE headers', async () => {
    const { headers, body } = await serveOnce(async (events) => {
      events.write('{"a":1}');
      events.write('{"b":2}');
      events.end();
    });
    expect(headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-test': 'yes' });
    expect(body).toBe('data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n');
  });

  it('holds nothing back: an event reaches the client before the stream goes on', async () => {
    let seen: () => void = () => {};
    const firstSeen = new Promise<void>((resolve) => (seen = resolve));
    const { body } = await serveOnce(
      async (events) => {
        events.write('{"first":true}');
        await firstSeen;
        events.write('{"second":true}');
        events.end();
      },
      (text) => {
        if (text.includes('"first"')) seen();
      },
    );
    expect(body).toBe('data: {"first":true}\n\ndata: {"second":true}\n\ndata: [DONE]\n\n');
  });

  it('ends a failed stream with the queued events and an in-band error, without [DONE]', async () => {
    const { body } = await serveOnce(async (events) => {
      events.write('{"a":1}');
      events.fail({ error: { message: 'boom', type: 'api_error', param: null, code: null } });
    });
    expect(body).toBe('data: {"a":1}\n\ndata: {"error":{"message":"boom","type":"api_error","param":null,"code":null}}\n\n');
  });

  it('asks the writer to wait once a write found the socket full, until it drained', async () => {
    const outgoing = new FakeResponse();
    const events = new EventStream(outgoing as unknown as ServerResponse, {});
    outgoing.full = true;
    expect(events.write('{"a":1}')).toBeUndefined();
    await new Promise((resolve) => process.nextTick(resolve));
    const pending = events.write('{"b":2}');
    expect(pending).toBeInstanceOf(Promise);
    let drained = false;
    void pending?.then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    outgoing.full = false;
    outgoing.emit('drain');
    await pending;
    events.end();
    expect(outgoing.writes).toEqual(['data: {"a":1}\n\n', 'data: {"b":2}\n\n', 'data: [DONE]\n\n']);
  });

  it('sends the headers on their own when no event came in the first tick (a slow first token), and only then', async () => {
    let headersArrived: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (headersArrived = resolve));
    const server = createServer((_incoming, outgoing) => {
      const events = new EventStream(outgoing, {});
      // Nothing is written until the client has seen the headers: without the header timer this never ends.
      void arrived.then(() => {
        events.write('{"late":1}');
        events.end();
        events.close();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, method: 'POST' }, (response) => {
          headersArrived();
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
      expect(body).toBe('data: {"late":1}\n\ndata: [DONE]\n\n');
    } finally {
      server.close();
    }
  });

  it('arms no header timer when the first event is queued in the same tick', async () => {
    const outgoing = new FakeResponse();
    let flushedHeaders = 0;
    outgoing.flushHeaders = () => void flushedHeaders++;
    const events = new EventStream(outgoing as unknown as ServerResponse, {});
    events.write('{"a":1}');
    await new Promise((resolve) => setTimeout(resolve, 80));
    events.end();
    events.close();
    expect(flushedHeaders).toBe(0);
    expect(outgoing.writes).toEqual(['data: {"a":1}\n\n', 'data: [DONE]\n\n']);
  });
});
