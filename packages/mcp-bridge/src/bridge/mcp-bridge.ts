import { randomUUID } from 'node:crypto';
import type { CallToolResult, Progress, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { parseMcpServersConfig, type McpServerConfig, type McpServersConfigInput } from '../config/mcp-server-config.js';
import { defaultReconnectBackoff } from '../upstream/reconnect-backoff.js';
import { UpstreamConnection, type UpstreamConnectionOptions, type UpstreamState } from '../upstream/upstream-connection.js';
import { listUpstream } from '../upstream/upstream-lists.js';
import { forwardedClientHeaders } from '../upstream/upstream-headers.js';
import { accessIncludesServer, toolPermitted, type McpAccess } from './mcp-access.js';
import { McpBridgeError } from './mcp-bridge-error.js';
import type { McpBridgeHooks, McpBridgeOptions } from './mcp-bridge-options.js';
import { toolCallCost, type McpToolCallStart } from './mcp-tool-call-event.js';
import { namespaceName, splitNamespacedName } from './namespaced-name.js';
import { ResourceRouter } from './resource-router.js';

/** Per-call options: the caller's access (it only narrows), cancellation, and the client's headers. */
export interface McpCallOptions extends McpAccess {
  signal?: AbortSignal | undefined;
  /** The client's request headers; `extra_headers` and `x-mcp-<server>-*` are forwarded to http/sse upstreams. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>> | undefined;
  /** The downstream MCP session id, reported in tool call events. */
  sessionId?: string | undefined;
  /** Receives the upstream's progress notifications for this call. */
  onProgress?: ((progress: Progress) => void) | undefined;
}

export interface McpServerStatus {
  name: string;
  transport: 'stdio' | 'http' | 'sse';
  state: UpstreamState;
  description?: string | undefined;
  /** The stdio child's pid while connected. */
  pid?: number | undefined;
  serverInfo?: { name: string; version: string } | undefined;
}

const callResultSchema = z.looseObject({});

/**
 * Upstream MCP servers behind one object: tools aggregated as `<server>-<tool>`, calls routed by prefix with the
 * caller's access enforced before anything is sent, results returned unchanged, failures as `McpBridgeError`.
 */
export class McpBridge {
  readonly #connections = new Map<string, UpstreamConnection>();
  readonly #hooks: McpBridgeHooks;
  readonly #paging: { maxPages: number; deadlineMs: number };
  readonly #toolsChangedListeners = new Set<(server: string) => void>();
  readonly #resourceListeners = new Set<(server: string, uri: string) => void>();
  readonly #connectionSettings: Pick<
    UpstreamConnectionOptions,
    'clientInfo' | 'connectTimeoutMs' | 'requestTimeoutMs' | 'backoff'
  >;
  /** @internal Resource URI owners, learnt from listings. */
  readonly resources = new ResourceRouter();

  /** Validates `mcp_servers` (throws naming the bad key) and builds the bridge; `eager` starts connecting now. */
  static create(config: McpServersConfigInput, options: McpBridgeOptions = {}): McpBridge {
    return new McpBridge(config, options);
  }

  private constructor(config: unknown, options: McpBridgeOptions) {
    this.#hooks = options.hooks ?? {};
    this.#paging = { maxPages: options.maxPages ?? 100, deadlineMs: options.listDeadlineMs ?? 30_000 };
    this.#connectionSettings = {
      clientInfo: options.clientInfo ?? { name: 'switchyard-mcp-bridge', version: '0.1.0' },
      connectTimeoutMs: options.connectTimeoutMs ?? 20_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
      backoff: { ...defaultReconnectBackoff, ...options.reconnect },
    };
    for (const [name, server] of Object.entries(parseMcpServersConfig(config))) this.#addConnection(name, server);
    if (options.connect === 'eager') void this.connectAll();
  }

  #addConnection(name: string, server: McpServerConfig): void {
    const connection = new UpstreamConnection({
      name,
      config: server,
      ...this.#connectionSettings,
      onStateChange: (event) => this.#hooks.onUpstreamState?.(event),
      onStderr: this.#hooks.onUpstreamStderr,
      onToolsChanged: (changed) => this.#toolsChangedListeners.forEach((listener) => listener(changed)),
      onResourceUpdated: (changed, uri) => this.#resourceListeners.forEach((listener) => listener(changed, uri)),
    });
    this.#connections.set(name, connection);
  }

  /**
   * Adds a server to the running bridge (the management API), or replaces the one of the same name (its
   * connection is closed first). The entry is validated like `mcp_servers`; it connects on first use.
   */
  async addServer(name: string, config: unknown): Promise<void> {
    const parsed = parseMcpServersConfig({ [name]: config })[name]!;
    await this.removeServer(name);
    this.#addConnection(name, parsed);
    this.#toolsChangedListeners.forEach((listener) => listener(name));
  }

  /** Removes a server from the running bridge and closes its connection; false when there was none. */
  async removeServer(name: string): Promise<boolean> {
    const connection = this.#connections.get(name);
    if (!connection) return false;
    this.#connections.delete(name);
    await connection.close();
    this.#toolsChangedListeners.forEach((listener) => listener(name));
    return true;
  }

  /** Configured server names. */
  get serverNames(): string[] {
    return [...this.#connections.keys()];
  }

  /** Connects every server now; resolves when each attempt has settled (failures show in `status()`). */
  async connectAll(): Promise<void> {
    await Promise.allSettled([...this.#connections.values()].map((connection) => connection.connect()));
  }

  status(): McpServerStatus[] {
    return [...this.#connections.values()].map((connection) => ({
      name: connection.name,
      transport: connection.config.transport,
      state: connection.state,
      description: connection.config.description ?? connection.config.mcp_info?.description,
      pid: connection.pid,
      serverInfo: connection.serverVersion,
    }));
  }

  /** The connections the caller may use (its access intersected with the configuration). */
  accessibleConnections(access: McpAccess = {}): UpstreamConnection[] {
    return [...this.#connections.values()].filter((connection) => accessIncludesServer(access, connection.name));
  }

  /** The connection for `server`, or a typed refusal: `forbidden` outside the caller's access, else `unknown_server`. */
  connectionFor(server: string, access: McpAccess = {}): UpstreamConnection {
    if (!accessIncludesServer(access, server)) {
      throw new McpBridgeError('forbidden', `Access to MCP server "${server}" is not allowed.`, { server });
    }
    const connection = this.#connections.get(server);
    if (!connection) throw new McpBridgeError('unknown_server', `No MCP server named "${server}".`, { server });
    return connection;
  }

  /** @internal The upstream headers one request forwards to `connection`'s server. */
  forwardedHeaders(connection: UpstreamConnection, options: McpCallOptions): Record<string, string> {
    if (connection.config.transport === 'stdio') return {};
    return forwardedClientHeaders(connection.name, connection.config.extra_headers, options.headers);
  }

  /** @internal Lists on every connection; a failing server is reported and left out. */
  async gather<T>(connections: UpstreamConnection[], operation: string, list: (c: UpstreamConnection) => Promise<T[]>) {
    const settled = await Promise.allSettled(connections.map(list));
    return settled.flatMap((result, index) => {
      if (result.status === 'fulfilled') return result.value;
      this.#hooks.onUpstreamError?.(connections[index]!.name, operation, result.reason);
      return [];
    });
  }

  /** @internal */
  get paging(): { maxPages: number; deadlineMs: number } {
    return this.#paging;
  }

  /**
   * Every tool the caller may use, named `<server>-<tool>`, with the upstream's description, schemas, annotations
   * and `_meta` unchanged. A server that is down is left out (and reported through `onUpstreamError`).
   */
  async listTools(options: McpCallOptions = {}): Promise<Tool[]> {
    return this.gather(this.accessibleConnections(options), 'tools/list', async (connection) => {
      const call = { signal: options.signal, headers: this.forwardedHeaders(connection, options) };
      const tools = await listUpstream(connection, 'tools', this.#paging, call);
      return tools
        .filter((tool) => toolPermitted(connection.config, options, connection.name, tool.name))
        .map((tool) => ({ ...tool, name: namespaceName(connection.name, tool.name) }));
    });
  }

  /**
   * Calls `<server>-<tool>` and returns the upstream's result unchanged (`isError` tool errors included). Throws a
   * `McpBridgeError`: `invalid_name`, `unknown_server`, `forbidden` (never sent upstream), `unavailable`,
   * `timeout`, `cancelled` or `upstream_error` (a JSON-RPC error from the upstream).
   */
  async callTool(
    namespacedName: string,
    args: Readonly<Record<string, unknown>> = {},
    options: McpCallOptions = {},
  ): Promise<CallToolResult> {
    const startedAt = performance.now();
    const base = { callId: randomUUID(), namespacedName, arguments: args, subject: options.subject, sessionId: options.sessionId };
    let start: McpToolCallStart | undefined;
    try {
      const connection = this.#permittedConnection(namespacedName, options);
      start = { ...base, server: connection.name, tool: namespacedName.slice(connection.name.length + 1) };
      await this.#hooks.beforeToolCall?.(start);
    } catch (error) {
      this.#report(start ?? base, startedAt, 'refused', 0, error);
      throw error;
    }
    return this.#execute(start, options, startedAt);
  }

  #permittedConnection(namespacedName: string, options: McpCallOptions): UpstreamConnection {
    const split = splitNamespacedName(namespacedName);
    if (!split) {
      const message = `Tool "${namespacedName}" is not a <server>-<tool> name.`;
      throw new McpBridgeError('invalid_name', message);
    }
    const connection = this.connectionFor(split.server, options);
    if (!toolPermitted(connection.config, options, split.server, split.name)) {
      throw new McpBridgeError('forbidden', `Tool "${namespacedName}" is not allowed.`, { server: split.server });
    }
    return connection;
  }

  async #execute(start: McpToolCallStart, options: McpCallOptions, startedAt: number): Promise<CallToolResult> {
    const connection = this.#connections.get(start.server)!;
    const cost = toolCallCost(connection.config, start.tool);
    try {
      const call = {
        signal: options.signal,
        headers: this.forwardedHeaders(connection, options),
        onProgress: options.onProgress,
      };
      const result = (await connection.run(
        (client, requestOptions) =>
          client.request(
            { method: 'tools/call', params: { name: start.tool, arguments: { ...start.arguments } } },
            callResultSchema,
            requestOptions,
          ),
        call,
      )) as CallToolResult;
      this.#report(start, startedAt, result.isError === true ? 'tool_error' : 'success', cost);
      return result;
    } catch (error) {
      this.#report(start, startedAt, 'error', 0, error);
      throw error;
    }
  }

  #report(
    start: Partial<McpToolCallStart> & { callId: string; namespacedName: string },
    startedAt: number,
    status: 'success' | 'tool_error' | 'error' | 'refused',
    cost: number,
    error?: unknown,
  ): void {
    const reason = McpBridgeError.isMcpBridgeError(error) ? error.reason : undefined;
    const durationMs = performance.now() - startedAt;
    try {
      this.#hooks.onToolCall?.({ ...start, status, durationMs, cost, ...(error === undefined ? {} : { error, reason }) });
    } catch {
      // A logging hook must never turn a finished call into a failure.
    }
  }

  /** Listens for upstream tool-list changes (the `/mcp` handler tells its sessions). Returns an unsubscribe. */
  onToolsChanged(listener: (server: string) => void): () => void {
    this.#toolsChangedListeners.add(listener);
    return () => this.#toolsChangedListeners.delete(listener);
  }

  /** Listens for upstream `notifications/resources/updated`. Returns an unsubscribe. */
  onResourceUpdated(listener: (server: string, uri: string) => void): () => void {
    this.#resourceListeners.add(listener);
    return () => this.#resourceListeners.delete(listener);
  }

  /** Closes every upstream (stdio children are terminated); later calls fail with `unavailable`. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#connections.values()].map((connection) => connection.close()));
  }
}
