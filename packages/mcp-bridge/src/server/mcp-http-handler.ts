import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Implementation } from '@modelcontextprotocol/sdk/types.js';
import { accessFingerprint, accessIncludesServer, type McpAccess } from '../bridge/mcp-access.js';
import type { McpBridge } from '../bridge/mcp-bridge.js';
import { createDownstreamServer } from './create-downstream-server.js';
import { hostAllowed } from './host-validation.js';
import { McpSessionStore } from './mcp-session-store.js';
import { headerServers, requestAccess } from './request-access.js';
import { ResourceSubscriptions } from './resource-subscriptions.js';

export interface McpHttpHandlerOptions {
  /** Accepted Host (and Origin) host names; set `loopbackHostnames` on a loopback bind. Default: no check. */
  allowedHosts?: readonly string[] | undefined;
  /** A session unused this long is closed. Default 30 minutes. */
  sessionIdleTimeoutMs?: number;
  /** Open sessions at most; the least recently used is closed to make room. Default 1000. */
  maxSessions?: number;
  serverInfo?: Implementation;
  instructions?: string;
}

/** What the gateway knows about one `/mcp` request after authenticating it. */
export interface McpRequestContext {
  /** The servers and tools this key may use (from the key, team, ...). */
  access: McpAccess;
  /** The `{server}` of `/mcp/{server}`, which narrows the access. */
  server?: string | undefined;
  /** The JSON body, when the framework already read it. */
  parsedBody?: unknown;
}

export interface McpHttpHandler {
  /** Serves one streamable-HTTP request (POST, GET or DELETE) on the raw Node objects. */
  handle(req: IncomingMessage, res: ServerResponse, context: McpRequestContext): Promise<void>;
  readonly sessionCount: number;
  /** Closes every session (the bridge itself stays open). */
  close(): Promise<void>;
}

function sendJsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

function sessionIdOf(req: IncomingMessage): string | undefined {
  const value = req.headers['mcp-session-id'];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The server half of the bridge: mounts at `/mcp` and `/mcp/{server}` on any Node HTTP framework and serves the
 * aggregate over streamable HTTP with one MCP session (SDK `Server` + transport) per `mcp-session-id`. A session
 * is bound to the access it was opened with; a request presenting it with another access gets 403.
 */
export function createMcpHttpHandler(bridge: McpBridge, options: McpHttpHandlerOptions = {}): McpHttpHandler {
  const subscriptions = new ResourceSubscriptions(bridge);
  const sessions = new McpSessionStore({
    idleMs: options.sessionIdleTimeoutMs ?? 30 * 60_000,
    maxSessions: options.maxSessions ?? 1000,
    onClose: (id) => subscriptions.dropSession(id),
  });

  const stopToolsListener = bridge.onToolsChanged((server) => {
    for (const session of sessions.values()) {
      if (accessIncludesServer(session.access, server)) void session.server.sendToolListChanged().catch(() => undefined);
    }
  });
  const stopResourceListener = bridge.onResourceUpdated((_server, uri) => {
    for (const id of subscriptions.holders(uri)) void sessions.get(id)?.server.sendResourceUpdated({ uri }).catch(() => undefined);
  });

  const openSession = async (access: McpAccess): Promise<StreamableHTTPServerTransport> => {
    await sessions.reserve();
    const holder: { id?: string } = {};
    const server = createDownstreamServer(bridge, access, {
      serverInfo: options.serverInfo,
      instructions: options.instructions,
      subscribe: (uri, callOptions) => subscriptions.subscribe(holder.id ?? '', uri, callOptions),
      unsubscribe: (uri) => subscriptions.unsubscribe(holder.id ?? '', uri),
    });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        holder.id = id;
        sessions.add(id, { transport, server, access, fingerprint: accessFingerprint(access), lastUsed: Date.now() });
      },
      onsessionclosed: (id) => sessions.close(id),
    });
    transport.onclose = () => void (holder.id === undefined ? undefined : sessions.close(holder.id));
    await server.connect(transport);
    return transport;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, context: McpRequestContext) => {
    if (options.allowedHosts && !hostAllowed(req.headers, options.allowedHosts)) {
      return sendJsonRpcError(res, 403, -32000, 'Forbidden: the Host or Origin header is not allowed.');
    }
    const resolved = requestAccess(bridge.serverNames, context.access, context.server, headerServers(req.headers));
    if (!resolved.ok) return sendJsonRpcError(res, resolved.status, -32000, resolved.message);
    const sessionId = sessionIdOf(req);
    if (sessionId !== undefined) {
      const session = sessions.get(sessionId);
      if (!session) return sendJsonRpcError(res, 404, -32001, 'Session not found.');
      if (session.fingerprint !== accessFingerprint(resolved.access)) {
        return sendJsonRpcError(res, 403, -32000, 'This session belongs to another access.');
      }
      session.lastUsed = Date.now();
      return session.transport.handleRequest(req, res, context.parsedBody);
    }
    if (req.method !== 'POST') return sendJsonRpcError(res, 400, -32000, 'Bad Request: no valid session ID provided.');
    const transport = await openSession(resolved.access);
    await transport.handleRequest(req, res, context.parsedBody);
    if (transport.sessionId === undefined) await transport.close();
  };

  return {
    handle,
    get sessionCount() {
      return sessions.size;
    },
    async close() {
      stopToolsListener();
      stopResourceListener();
      await sessions.closeAll();
    },
  };
}
