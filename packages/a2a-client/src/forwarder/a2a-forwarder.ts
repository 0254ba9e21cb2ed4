import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDefaultHttpClient, type HttpClient } from '@switchyard/provider-kit';
import type { A2aAgentRegistry } from '../config/a2a-agent-registry.js';
import { CallRecorder } from './call-recorder.js';
import type { A2aCallReport } from './call-report.js';
import { CardCache } from './card-cache.js';
import { effectiveVersion, sendJson, singleHeader, type ForwardContext } from './forward-context.js';
import { forwardJsonRpc } from './forward-json-rpc.js';
import { parseForwardPath } from './forward-path.js';
import { jsonRpcCodes, jsonRpcErrorBody } from './json-rpc-wire.js';
import { readRequestBody } from './read-request-body.js';
import { serveAgentCard } from './serve-agent-card.js';

/** What the gateway knows about the caller. */
export interface A2aAccessContext {
  /** The agents the caller's key may use: `'*'` for every registered agent, or their names. */
  agents: '*' | readonly string[];
  /** The request body, when the gateway already read it off `req`. */
  body?: Uint8Array | string;
  /** Called with this call's report (after the forwarder's own `onCall`): the gateway logs it for the caller. */
  onCall?: (report: A2aCallReport) => void;
}

export interface A2aForwarderOptions {
  registry: A2aAgentRegistry;
  /** The path the gateway serves agents under (default `/a2a`): agent `echo` is at `/a2a/echo/`. */
  mountPath?: string;
  /**
   * The gateway's public origin (`https://gateway.example.com`) for the URLs in served cards. Without it the
   * request's own scheme and Host header are used.
   */
  publicUrl?: string;
  http?: HttpClient;
  /** Called once per call when it is over; the gateway logs it as model `a2a/<agent>`. */
  onCall?: (report: A2aCallReport) => void;
  /** Largest request body accepted (default 4 MiB). */
  maxRequestBytes?: number;
  /** Largest non-streamed answer relayed (default 16 MiB). */
  maxResponseBytes?: number;
  /** How long an agent's card is reused (default 60 s). */
  cardTtlMs?: number;
}

export interface A2aForwarder {
  /** Whether a request URL is below the forwarder's mount path. */
  matches(url: string): boolean;
  /** Serves one request below the mount path; resolves when the answer has been sent. */
  handle(req: IncomingMessage, res: ServerResponse, access: A2aAccessContext): Promise<void>;
}

function allows(access: A2aAccessContext, agent: string): boolean {
  return access.agents === '*' || access.agents.includes(agent);
}

function refuse(res: ServerResponse, recorder: CallRecorder, status: number, message: string): void {
  recorder.errorCode = jsonRpcCodes.serverError;
  sendJson(res, status, jsonRpcErrorBody(null, jsonRpcCodes.serverError, message));
  recorder.finish(status, status === 403 ? 'refused' : 'not_found');
}

async function serveJsonRpc(context: ForwardContext, access: A2aAccessContext, maxRequestBytes: number): Promise<void> {
  const { req, res, recorder } = context;
  if (req.method !== 'POST') {
    sendJson(res, 405, jsonRpcErrorBody(null, jsonRpcCodes.invalidRequest, 'JSON-RPC calls are POSTed.'), { allow: 'POST' });
    return recorder.finish(405, 'bad_request');
  }
  const body = access.body === undefined ? await readRequestBody(req, maxRequestBytes) : Buffer.from(access.body);
  if (body === undefined || body.length > maxRequestBytes) {
    recorder.errorCode = jsonRpcCodes.invalidRequest;
    const message = `The request body is larger than ${maxRequestBytes} bytes.`;
    sendJson(res, 413, jsonRpcErrorBody(null, jsonRpcCodes.invalidRequest, message), { connection: 'close' });
    return recorder.finish(413, 'bad_request');
  }
  await forwardJsonRpc(context, body);
}

/**
 * The handler the gateway mounts at `/a2a/*`. It takes Node's request and response (no framework), checks the
 * caller may use the agent (403 and a JSON-RPC error when not), serves the agent's card with its URLs pointing
 * at the gateway, and forwards JSON-RPC calls with headers it builds itself, relaying streams event by event.
 */
export function createA2aForwarder(options: A2aForwarderOptions): A2aForwarder {
  const mountPath = (options.mountPath ?? '/a2a').replace(/\/+$/, '');
  const cards = new CardCache(options.cardTtlMs ?? 60_000);
  const maxRequestBytes = options.maxRequestBytes ?? 4 * 1024 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
  const route = async (req: IncomingMessage, res: ServerResponse, access: A2aAccessContext, recorder: CallRecorder) => {
    const path = parseForwardPath(req.url ?? '', mountPath);
    if (path === undefined) return refuse(res, recorder, 404, 'No agent is named in the path.');
    if (!allows(access, path.agent)) return refuse(res, recorder, 403, `This key may not use A2A agent "${path.agent}".`);
    const agent = options.registry.get(path.agent);
    if (agent === undefined) return refuse(res, recorder, 404, `No A2A agent is registered as "${path.agent}".`);
    if (path.route === 'unknown') return refuse(res, recorder, 404, `A2A agent "${agent.name}" has no such route at the gateway.`);
    const context: ForwardContext = {
      req, res, agent, http: options.http ?? getDefaultHttpClient(), cards, recorder,
      requestedVersion: singleHeader(req, 'a2a-version'), mountPath, publicUrl: options.publicUrl, maxResponseBytes,
    };
    if (path.route === 'agent-card') return serveAgentCard(context);
    return serveJsonRpc(context, access, maxRequestBytes);
  };
  return {
    matches: (url) => parseForwardPath(url, mountPath) !== undefined,
    async handle(req, res, access) {
      const agentName = parseForwardPath(req.url ?? '', mountPath)?.agent ?? '';
      const onCall = (report: A2aCallReport) => {
        options.onCall?.(report);
        access.onCall?.(report);
      };
      const recorder = new CallRecorder(agentName, effectiveVersion(singleHeader(req, 'a2a-version')), onCall);
      try {
        await route(req, res, access, recorder);
      } catch {
        // Nothing above should throw; a caller that vanished while its body was read is the one known case.
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, jsonRpcErrorBody(null, jsonRpcCodes.internalError, 'Internal error.'));
        else res.destroy();
        recorder.finish(res.destroyed || req.destroyed ? 499 : 500, req.destroyed ? 'client_closed' : 'internal_error');
      }
    },
  };
}
