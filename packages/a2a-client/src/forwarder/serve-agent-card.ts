import { SwitchyardError, toSwitchyardError } from '@switchyard/core';
import { listCardInterfaces } from '../agent-card/card-interfaces.js';
import { fetchAgentCard, type FetchedAgentCard } from '../agent-card/fetch-agent-card.js';
import { absolutiseCardUrls } from '../agent-card/map-card-interfaces.js';
import { rewriteAgentCard } from '../agent-card/rewrite-agent-card.js';
import { gatewayAgentUrl } from './gateway-url.js';
import { sendJson, type ForwardContext } from './forward-context.js';
import { jsonRpcCodes, jsonRpcErrorBody } from './json-rpc-wire.js';

/** The agent's card for `version` (the caller's `A2A-Version`, or none), through the cache. */
export function cachedAgentCard(context: ForwardContext, version: string | undefined): Promise<FetchedAgentCard> {
  return context.cards.get(context.agent, version ?? '', () =>
    fetchAgentCard(context.http, context.agent, { version }).then((fetched) => ({
      card: absolutiseCardUrls(fetched.card, fetched.url),
      url: fetched.url,
    })),
  );
}

export function noJsonRpcInterface(context: ForwardContext): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `A2A agent "${context.agent.name}" offers no JSON-RPC interface.`, {
    status: 502,
  });
}

/**
 * Answers `GET …/.well-known/agent-card.json`: the agent's card, asked for in the caller's `A2A-Version` (so a
 * dual-version agent answers in the shape the caller wants), with its JSON-RPC interfaces pointing at the gateway.
 */
export async function serveAgentCard(context: ForwardContext): Promise<void> {
  const { req, res, recorder } = context;
  recorder.method = 'agent-card';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, jsonRpcErrorBody(null, jsonRpcCodes.invalidRequest, 'The agent card is read with GET.'), { allow: 'GET, HEAD' });
    return recorder.finish(405, 'bad_request');
  }
  try {
    const fetched = await cachedAgentCard(context, context.requestedVersion);
    if (!listCardInterfaces(fetched.card, fetched.url).some((entry) => entry.binding === 'JSONRPC')) throw noJsonRpcInterface(context);
    const url = gatewayAgentUrl(req, context.publicUrl, context.mountPath, context.agent.name);
    const body = JSON.stringify(rewriteAgentCard(fetched.card, url));
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      vary: 'A2A-Version',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    recorder.finish(200, 'ok');
  } catch (caught) {
    const error = toSwitchyardError(caught);
    const status = error.kind === 'timeout' ? 504 : 502;
    recorder.errorCode = jsonRpcCodes.internalError;
    sendJson(res, status, jsonRpcErrorBody(null, jsonRpcCodes.internalError, error.message));
    recorder.finish(status, error.kind === 'timeout' ? 'timeout' : 'unavailable');
  }
}
