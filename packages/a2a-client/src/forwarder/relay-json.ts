import { SwitchyardError } from '@switchyard/core';
import { readBodyText, type HttpResponse } from '@switchyard/provider-kit';
import { inspectJsonRpcResponse } from './call-report.js';
import { sendJson, type ForwardContext } from './forward-context.js';
import type { A2aCallOutcome } from './call-report.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJsonRpcResponse(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['jsonrpc'] === '2.0' &&
    ('result' in value || 'error' in value);
}

/**
 * Relays an agent's JSON answer unchanged when it is a JSON-RPC response. An agent that refuses the gateway's
 * credentials (401/403), or answers something that is not JSON-RPC, becomes a 502 for the caller: its 401 must
 * not look like the caller's own key failing.
 */
export async function relayJson(context: ForwardContext, upstream: HttpResponse): Promise<A2aCallOutcome> {
  const { agent, recorder, maxResponseBytes } = context;
  const text = await readBodyText(upstream.body, maxResponseBytes + 1);
  const provider = `a2a/${agent.name}`;
  if (upstream.status === 401 || upstream.status === 403) {
    throw new SwitchyardError('upstream_unavailable', `A2A agent "${agent.name}" refused the gateway's credentials (HTTP ${upstream.status}).`, {
      status: 502, provider, upstreamStatus: upstream.status,
    });
  }
  if (Buffer.byteLength(text) > maxResponseBytes) {
    throw new SwitchyardError('upstream_unavailable', `A2A agent "${agent.name}" answered more than ${maxResponseBytes} bytes.`, { status: 502, provider });
  }
  const parsed = parseJson(text);
  if (!isJsonRpcResponse(parsed)) {
    throw new SwitchyardError('upstream_unavailable', `A2A agent "${agent.name}" answered HTTP ${upstream.status} without a JSON-RPC response.`, {
      status: 502, provider, upstreamStatus: upstream.status,
    });
  }
  const seen = inspectJsonRpcResponse(parsed);
  recorder.note(seen);
  sendJson(context.res, upstream.status, text);
  return seen.errorCode === undefined ? 'ok' : 'agent_error';
}
