import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createFastRoutes, type ModelRoute } from './fast-routes.js';
import type { ModelContext } from './model-context.js';

function incoming(method: string, url: string): IncomingMessage {
  return Object.assign(new PassThrough(), { method, url, headers: {} }) as unknown as IncomingMessage;
}

const outgoing = {} as ServerResponse;
const sent = new Response(null);

describe('createFastRoutes', () => {
  it('serves POSTs on its exact paths (the query string aside) and leaves everything else to Hono', async () => {
    const seen: string[] = [];
    const route: ModelRoute = {
      path: '/v1/chat/completions',
      middleware: [
        async (c, next) => {
          c.set('requestId', 'r1');
          seen.push(`first ${c.req.method} ${c.req.path}`);
          await next();
          seen.push('first after');
        },
      ],
      handler: async (c) => {
        seen.push(`handler ${c.get('requestId') ?? ''}`);
        return sent;
      },
    };
    const serve = createFastRoutes([route], () => {});
    expect(serve(incoming('POST', '/v1/chat/completions?x=1'), outgoing)).toBe(true);
    for (const [method, url] of [['GET', '/v1/chat/completions'], ['POST', '/v1/chat/completion%73'], ['POST', '/v1/chat/completions/'], ['POST', 'http://h/v1/chat/completions']] as const) {
      expect(serve(incoming(method, url), outgoing)).toBe(false);
    }
    await vi.waitFor(() => expect(seen).toEqual(['first POST /v1/chat/completions', 'handler r1', 'first after']));
  });

  it("hands a handler's failure to onError and drops the body nothing read", async () => {
    const failures: Array<{ thrown: unknown; c: ModelContext }> = [];
    const failure = new TypeError('bug');
    const route: ModelRoute = { path: '/v1/embeddings', middleware: [], handler: () => Promise.reject(failure) };
    const serve = createFastRoutes([route], (thrown, c) => failures.push({ thrown, c }));
    const request = incoming('POST', '/v1/embeddings');
    expect(serve(request, outgoing)).toBe(true);
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(failures[0]?.thrown).toBe(failure);
    expect(failures[0]?.c.req.path).toBe('/v1/embeddings');
    (request as unknown as PassThrough).end('{"unread":true}');
    await vi.waitFor(() => expect(request.readableEnded).toBe(true));
  });
});
