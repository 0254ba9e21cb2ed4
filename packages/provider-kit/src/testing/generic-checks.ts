import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallOptions, ChatCompletionRequest, ChatProvider } from '@switchyard/core';
import { expect } from 'vitest';
import type { ChatConformanceCase, ProviderConformanceOptions, RecordedResponse, UpstreamBehaviour } from './conformance-types.js';
import { expectSwitchyardError, rejectionOf } from './expect-outcome.js';
import { guessContentType, type RecordedServer } from './recorded-server.js';
import { drainStream, isStreamCase, prepareProvider } from './run-cases.js';

export interface GenericCheck {
  name: string;
  run: () => Promise<void>;
}

export interface GenericCheckContext {
  server: () => RecordedServer;
  options: ProviderConformanceOptions;
  baseline: ChatConformanceCase;
  /** The stream case the stream checks reuse (its request and response headers). */
  streamBaseline: ChatConformanceCase | undefined;
  /** The stream case whose recording carries usage. */
  usageCase: ChatConformanceCase | undefined;
}

const shortTimeoutMs = 300;

function call(provider: ChatProvider, testCase: ChatConformanceCase, options?: CallOptions): Promise<unknown> {
  return isStreamCase(testCase) ? provider.streamChat(testCase.request, options) : provider.chat(testCase.request, options);
}

function streamRequest(testCase: ChatConformanceCase): ChatCompletionRequest {
  return { ...testCase.request, stream: true };
}

/** Headers of a stream that has started: the recording's status line and headers, with no body yet. */
function startedStream(testCase: ChatConformanceCase, after: 'hang' | 'reset'): RecordedResponse {
  const headers = { 'content-type': guessContentType(testCase.upstream.body), ...testCase.upstream.headers };
  return { status: 200, headers, body: [], after };
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function prepare(context: GenericCheckContext, ...behaviours: UpstreamBehaviour[]): ChatProvider {
  return prepareProvider(context.server(), context.options, ...behaviours);
}

function requestChecks(context: GenericCheckContext): GenericCheck[] {
  const { baseline, options } = context;
  const secrets = options.secrets;
  return [
    {
      name: 'aborting through signal rejects and closes the upstream connection',
      run: async () => {
        const provider = prepare(context, { hang: true });
        const controller = new AbortController();
        const settled = rejectionOf(call(provider, baseline, { signal: controller.signal }), 'abort');
        const request = await context.server().request(0);
        controller.abort();
        expectSwitchyardError(await settled, { kind: 'timeout', secrets });
        await context.server().connectionClosed(request);
      },
    },
    {
      name: 'timeoutMs with a hanging upstream rejects with timeout',
      run: async () => {
        const provider = prepare(context, { hang: true });
        const error = await rejectionOf(call(provider, baseline, { timeoutMs: shortTimeoutMs }), 'timeout');
        expectSwitchyardError(error, { kind: 'timeout', secrets });
      },
    },
    {
      name: 'an unreachable upstream rejects with upstream_unavailable',
      run: async () => {
        const provider = options.createProvider(`http://127.0.0.1:${await closedPort()}`);
        const error = await rejectionOf(call(provider, baseline), 'unreachable');
        expectSwitchyardError(error, { kind: 'upstream_unavailable', secrets });
      },
    },
    {
      name: 'a success whose body is not JSON rejects with upstream_unavailable',
      run: async () => {
        const garbage = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id": "cut off' };
        const provider = prepare(context, garbage);
        const error = await rejectionOf(provider.chat({ ...baseline.request, stream: false }), 'garbage body');
        expectSwitchyardError(error, { kind: 'upstream_unavailable', secrets });
      },
    },
  ];
}

function streamChecks(context: GenericCheckContext, streamBaseline: ChatConformanceCase): GenericCheck[] {
  const secrets = context.options.secrets;
  return [
    {
      name: 'aborting a started stream throws from the iterator and closes the connection',
      run: async () => {
        const provider = prepare(context, startedStream(streamBaseline, 'hang'));
        const controller = new AbortController();
        const stream = await provider.streamChat(streamRequest(streamBaseline), { signal: controller.signal });
        const request = await context.server().request(0);
        const drained = drainStream(stream);
        controller.abort();
        const { failed, error } = await drained;
        expect(failed, 'the iterator threw').toBe(true);
        expectSwitchyardError(error, { kind: 'timeout', secrets });
        await context.server().connectionClosed(request);
      },
    },
    {
      name: 'timeoutMs applies while a started stream waits for data',
      run: async () => {
        const provider = prepare(context, startedStream(streamBaseline, 'hang'));
        const stream = await provider.streamChat(streamRequest(streamBaseline), { timeoutMs: shortTimeoutMs });
        const { failed, error } = await drainStream(stream);
        expect(failed, 'the iterator threw').toBe(true);
        expectSwitchyardError(error, { kind: 'timeout', secrets });
      },
    },
    {
      name: 'a connection lost mid-stream throws upstream_unavailable from the iterator',
      run: async () => {
        const provider = prepare(context, startedStream(streamBaseline, 'reset'));
        const stream = await provider.streamChat(streamRequest(streamBaseline));
        const { failed, error } = await drainStream(stream);
        expect(failed, 'the iterator threw').toBe(true);
        expectSwitchyardError(error, { kind: 'upstream_unavailable', secrets });
      },
    },
  ];
}

function usageCheck(context: GenericCheckContext): GenericCheck {
  return {
    name: 'a stream with stream_options.include_usage has usage on its last part only',
    run: async () => {
      const usageCase = context.usageCase;
      if (!usageCase) {
        throw new Error(`${context.options.name}: no stream case expects usage; add one or set usageStreamCase`);
      }
      const provider = prepare(context, usageCase.upstream);
      const request = { ...streamRequest(usageCase), stream_options: { include_usage: true } };
      const { aggregate, failed, error } = await drainStream(await provider.streamChat(request));
      if (failed) throw error;
      expect(aggregate.violations, 'stream rule violations').toEqual([]);
      const usageAt = aggregate.parts.flatMap((part, index) => (part.usage ? [index] : []));
      expect(usageAt, 'parts that carry usage').toEqual([aggregate.parts.length - 1]);
      expect(aggregate.usage, 'usage').toMatchObject(usageCase.expect.usage ?? {});
    },
  };
}

/** The checks every provider must pass, whatever its wire format. */
export function genericChecks(context: GenericCheckContext): GenericCheck[] {
  const checks = requestChecks(context);
  if (context.streamBaseline) checks.push(...streamChecks(context, context.streamBaseline));
  checks.push(usageCheck(context));
  return checks;
}
