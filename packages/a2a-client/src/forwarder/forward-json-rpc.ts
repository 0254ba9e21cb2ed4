import { toSwitchyardError, type SwitchyardError } from '@switchyard/core';
import { transportError, type HttpResponse } from '@switchyard/provider-kit';
import { jsonRpcEndpoint, listCardInterfaces } from '../agent-card/card-interfaces.js';
import { agentRequestHeaders } from '../http/agent-headers.js';
import { effectiveVersion, sendJson, singleHeader, type ForwardContext } from './forward-context.js';
import { isProblem, jsonRpcCodes, jsonRpcErrorBody, readJsonRpcCall, type JsonRpcCall } from './json-rpc-wire.js';
import { relayJson } from './relay-json.js';
import { relaySse } from './relay-sse.js';
import { cachedAgentCard, noJsonRpcInterface } from './serve-agent-card.js';

/** The agent's JSON-RPC URL for this call's version, from its card (asked for in 1.0, which lists every interface). */
async function agentEndpoint(context: ForwardContext): Promise<string> {
  const fetched = await cachedAgentCard(context, '1.0');
  const endpoint = jsonRpcEndpoint(listCardInterfaces(fetched.card, fetched.url), effectiveVersion(context.requestedVersion));
  if (endpoint === undefined) throw noJsonRpcInterface(context);
  return endpoint;
}

/**
 * The request to the agent carries the agent's configured headers and the protocol headers of the call, built
 * here from scratch: nothing else of the caller's request (its gateway key above all) reaches the agent.
 */
function outgoingHeaders(context: ForwardContext, call: JsonRpcCall): Record<string, string> {
  return agentRequestHeaders(context.agent.headers, {
    'content-type': 'application/json',
    accept: call.stream ? 'text/event-stream' : 'application/json',
    'a2a-version': context.requestedVersion,
    'a2a-extensions': singleHeader(context.req, 'a2a-extensions'),
    'x-a2a-extensions': singleHeader(context.req, 'x-a2a-extensions'),
  });
}

function failureStatus(error: SwitchyardError): number {
  return error.kind === 'timeout' ? 504 : 502;
}

/** Tells the caller the agent failed: a JSON-RPC error, inside the stream when the stream had begun. */
function reportFailure(context: ForwardContext, call: JsonRpcCall, caught: unknown, aborted: AbortSignal): void {
  const { res, recorder } = context;
  if (aborted.aborted || res.destroyed) return recorder.finish(499, 'client_closed');
  const error = toSwitchyardError(transportError(caught, `a2a/${context.agent.name}`));
  recorder.errorCode = jsonRpcCodes.internalError;
  const body = jsonRpcErrorBody(call.id, jsonRpcCodes.internalError, error.message);
  const outcome = error.kind === 'timeout' ? 'timeout' : 'unavailable';
  if (res.headersSent) {
    res.end(`data: ${body}\n\n`);
    return recorder.finish(res.statusCode, outcome);
  }
  sendJson(res, failureStatus(error), body);
  recorder.finish(failureStatus(error), outcome);
}

async function relay(context: ForwardContext, upstream: HttpResponse): Promise<void> {
  const contentType = String(upstream.headers['content-type'] ?? '');
  const ok = upstream.status >= 200 && upstream.status < 300;
  if (ok && contentType.startsWith('text/event-stream')) {
    await relaySse(context, upstream);
    if (context.res.destroyed) return context.recorder.finish(499, 'client_closed');
    context.res.end();
    context.recorder.finish(200, context.recorder.errorCode === undefined ? 'ok' : 'agent_error');
    return;
  }
  const outcome = await relayJson(context, upstream);
  context.recorder.finish(upstream.status, outcome);
}

/** Forwards one JSON-RPC call (already read from the caller) to the agent and relays the answer. */
export async function forwardJsonRpc(context: ForwardContext, body: Buffer): Promise<void> {
  const { res, recorder, agent } = context;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    recorder.errorCode = jsonRpcCodes.parseError;
    sendJson(res, 400, jsonRpcErrorBody(null, jsonRpcCodes.parseError, 'The request body is not JSON.'));
    return recorder.finish(400, 'bad_request');
  }
  const call = readJsonRpcCall(parsed);
  if (typeof (parsed as { method?: unknown } | null)?.method === 'string') recorder.method = (parsed as { method: string }).method;
  if (isProblem(call)) {
    recorder.errorCode = call.code;
    sendJson(res, call.status, jsonRpcErrorBody(call.id, call.code, call.message));
    return recorder.finish(call.status, 'bad_request');
  }
  recorder.stream = call.stream;
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  try {
    const upstream = await context.http.send({
      url: await agentEndpoint(context),
      method: 'POST',
      headers: outgoingHeaders(context, call),
      body,
      signal: controller.signal,
      timeoutMs: agent.timeoutMs,
    });
    await relay(context, upstream);
  } catch (caught) {
    reportFailure(context, call, caught, controller.signal);
  }
}
