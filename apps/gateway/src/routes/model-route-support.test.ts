import { SwitchyardError } from '@switchyard/core';
import { RoutingError, type RoutingOutcome } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { createServer, request, Agent, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortOnClientClose, assertModelServed, modelResponseHeaders } from './model-route-support.js';

const outcome: RoutingOutcome = {
  deployment: { id: 'd-1', modelGroup: 'g', provider: 'groq', model: 'llama' },
  attempts: 2,
  fallbacks: 1,
  history: [],
};

describe('modelResponseHeaders', () => {
  it('carries the routing headers and forwards only the upstream rate-limit state', () => {
    const headers = modelResponseHeaders(outcome, {
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-tokens': '1s',
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'content-length': '12',
      'set-cookie': ['a=b'],
      'x-request-id': 'upstream-id',
      'x-ratelimit-limit-requests': undefined,
    });
    expect(headers).toEqual({
      'x-switchyard-deployment': 'd-1',
      'x-switchyard-model-group': 'g',
      'x-switchyard-provider': 'groq',
      'x-switchyard-attempts': '2',
      'x-switchyard-fallbacks': '1',
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-tokens': '1s',
    });
  });

  it('names the last call of a failure and keeps header values printable', () => {
    const cause = new SwitchyardError('rate_limit', 'slow down');
    const history = [{ deployment: 'a', modelGroup: 'modèle ☃', provider: 'openai', model: 'm', error: 'rate_limit' as const }];
    expect(modelResponseHeaders(new RoutingError(cause, history, 0))).toEqual({
      'x-switchyard-model-group': 'mod%C3%A8le%20%E2%98%83',
      'x-switchyard-provider': 'openai',
      'x-switchyard-attempts': '1',
      'x-switchyard-fallbacks': '0',
    });
  });
});

describe('assertModelServed', () => {
  it('throws a 404 model_not_found with param "model" and a bounded echo of the name', () => {
    const router = { hasModel: (model: string) => model === 'g' };
    expect(() => assertModelServed(router, 'g')).not.toThrow();
    try {
      assertModelServed(router, 'x'.repeat(5000));
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
      expect((error as Error).message.length).toBeLessThan(400);
    }
  });
});

describe('abortOnClientClose', () => {
  it('shares one controller among the requests of a connection, aborts it when the connection dies mid-answer, and starts a fresh one after', async () => {
    const controllers: AbortController[] = [];
    let hang: ServerResponse | undefined;
    const server = createServer((incoming, outgoing) => {
      controllers.push(abortOnClientClose(outgoing));
      if (incoming.url === '/hang') hang = outgoing;
      else outgoing.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent }, (response) => response.resume().on('end', resolve));
        req.on('error', reject).end();
      });
    try {
      for (let i = 0; i < 3; i++) await get('/');
      expect(new Set(controllers).size).toBe(1);
      expect(controllers[0]!.signal.aborted).toBe(false);
      const hung = request({ host: '127.0.0.1', port, path: '/hang', agent });
      hung.on('error', () => undefined).end();
      while (hang === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(controllers[3]).toBe(controllers[0]);
      hung.destroy();
      await new Promise((resolve) => hang!.once('close', resolve));
      expect(controllers[0]!.signal.aborted).toBe(true);
      await get('/');
      expect(controllers[4]).not.toBe(controllers[0]);
      expect(controllers[4]!.signal.aborted).toBe(false);
    } finally {
      agent.destroy();
      server.close();
    }
  });
});
