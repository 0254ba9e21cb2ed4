import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
  type Implementation,
  type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import { McpBridgeError } from '../bridge/mcp-bridge-error.js';
import type { McpServerConfig } from '../config/mcp-server-config.js';
import { classifyUpstreamFailure } from './classify-upstream-failure.js';
import { createUpstreamTransport } from './create-upstream-transport.js';
import { reconnectDelay, type ReconnectBackoff } from './reconnect-backoff.js';
import { withoutRequestHeaders, withRequestHeaders } from './request-headers-context.js';

export type UpstreamState = 'idle' | 'connecting' | 'connected' | 'backoff' | 'closed';

export interface UpstreamStateEvent {
  server: string;
  state: 'connected' | 'disconnected' | 'connect_failed';
  /** A system error code or HTTP status; never a secret. */
  detail?: string;
  /** After a failed attempt: how long the next one waits. */
  retryInMs?: number;
}

export interface UpstreamConnectionOptions {
  name: string;
  config: McpServerConfig;
  clientInfo: Implementation;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  backoff: ReconnectBackoff;
  onStateChange?: ((event: UpstreamStateEvent) => void) | undefined;
  onStderr?: ((server: string, chunk: string) => void) | undefined;
  onResourceUpdated?: ((server: string, uri: string) => void) | undefined;
  /** Tells the owner the upstream's tool list changed (the connection already dropped its cache). */
  onToolsChanged?: ((server: string) => void) | undefined;
}

export interface UpstreamCallOptions {
  signal?: AbortSignal | undefined;
  /** Headers for this request only (http and sse upstreams). */
  headers?: Readonly<Record<string, string>> | undefined;
  onProgress?: RequestOptions['onprogress'];
}

/**
 * One upstream MCP server: a lazily opened SDK Client, reopened on the next use after the transport closes (a
 * stdio child exits, an HTTP session disappears), with exponential backoff between failed attempts. Calls while
 * the server is down fail at once with a typed `unavailable` error instead of waiting.
 */
export class UpstreamConnection {
  readonly name: string;
  readonly config: McpServerConfig;
  readonly #options: UpstreamConnectionOptions;
  #client: Client | undefined;
  #transport: Transport | undefined;
  #connecting: Promise<Client> | undefined;
  #failures = 0;
  #retryAt = 0;
  #closed = false;
  /** Per-connection caches, dropped on reconnect and on list-changed notifications. */
  cache = new Map<string, unknown>();

  constructor(options: UpstreamConnectionOptions) {
    this.name = options.name;
    this.config = options.config;
    this.#options = options;
  }

  get state(): UpstreamState {
    if (this.#closed) return 'closed';
    if (this.#client) return 'connected';
    if (this.#connecting) return 'connecting';
    return Date.now() < this.#retryAt ? 'backoff' : 'idle';
  }

  /** The stdio child's process id while connected. */
  get pid(): number | undefined {
    return (this.#transport as { pid?: number } | undefined)?.pid;
  }

  get capabilities(): ServerCapabilities | undefined {
    return this.#client?.getServerCapabilities();
  }

  get serverVersion(): Implementation | undefined {
    return this.#client?.getServerVersion();
  }

  get requestTimeoutMs(): number {
    return this.config.timeout === undefined ? this.#options.requestTimeoutMs : this.config.timeout * 1000;
  }

  /** The connected client, connecting first when needed. Throws `unavailable` during backoff or on failure. */
  connect(): Promise<Client> {
    if (this.#closed) return Promise.reject(this.#unavailable('the bridge is closed'));
    if (this.#client) return Promise.resolve(this.#client);
    if (this.#connecting) return this.#connecting;
    const waitMs = this.#retryAt - Date.now();
    if (waitMs > 0) return Promise.reject(this.#unavailable('reconnecting', waitMs));
    this.#connecting = withoutRequestHeaders(() => this.#open()).finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #open(): Promise<Client> {
    const transport = createUpstreamTransport(this.config, {
      onStderr: (chunk) => this.#options.onStderr?.(this.name, chunk),
    });
    const client = new Client(this.#options.clientInfo, { capabilities: {} });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      this.cache.clear();
      this.#options.onToolsChanged?.(this.name);
    });
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      this.#options.onResourceUpdated?.(this.name, notification.params.uri);
    });
    client.onclose = () => this.#forget(client, 'disconnected');
    try {
      await client.connect(transport, { timeout: this.#options.connectTimeoutMs });
    } catch (error) {
      await client.close().catch(() => undefined);
      this.#failures += 1;
      const retryInMs = reconnectDelay(this.#failures, this.#options.backoff);
      this.#retryAt = Date.now() + retryInMs;
      const failure = classifyUpstreamFailure(this.name, error, { connectionClosed: true, aborted: false });
      this.#options.onStateChange?.({ server: this.name, state: 'connect_failed', detail: failure.error.message, retryInMs });
      throw new McpBridgeError('unavailable', failure.error.message, { server: this.name, retryAfterMs: retryInMs });
    }
    if (this.#closed) {
      await client.close().catch(() => undefined);
      throw this.#unavailable('the bridge is closed');
    }
    this.#failures = 0;
    this.#retryAt = 0;
    this.cache.clear();
    this.#client = client;
    this.#transport = transport;
    this.#options.onStateChange?.({ server: this.name, state: 'connected' });
    return client;
  }

  #forget(client: Client, state: 'disconnected'): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#transport = undefined;
    this.cache.clear();
    if (!this.#closed) this.#options.onStateChange?.({ server: this.name, state });
  }

  #unavailable(detail: string, retryAfterMs?: number): McpBridgeError {
    return new McpBridgeError('unavailable', `MCP server "${this.name}" is unavailable (${detail}).`, {
      server: this.name,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  /**
   * Runs one request on the connected client and turns failures into typed errors. A transport failure drops the
   * connection; when the upstream lost our session (it restarted), the request is retried once on a new one.
   */
  async run<T>(
    operation: (client: Client, options: RequestOptions) => Promise<T>,
    call: UpstreamCallOptions = {},
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const client = await this.connect();
      const options: RequestOptions = {
        timeout: this.requestTimeoutMs,
        ...(call.signal ? { signal: call.signal } : {}),
        ...(call.onProgress ? { onprogress: call.onProgress, resetTimeoutOnProgress: true } : {}),
      };
      try {
        return await withRequestHeaders(call.headers ?? {}, () => operation(client, options));
      } catch (error) {
        const failure = classifyUpstreamFailure(this.name, error, {
          connectionClosed: client.transport === undefined,
          aborted: call.signal?.aborted === true,
        });
        if (failure.dropConnection) await this.#drop(client);
        if (!failure.retryOnNewSession || attempt > 0) throw failure.error;
      }
    }
  }

  async #drop(client: Client): Promise<void> {
    this.#forget(client, 'disconnected');
    await client.close().catch(() => undefined);
  }

  /** Closes the client (a stdio child is terminated); the connection refuses further use. */
  async close(): Promise<void> {
    this.#closed = true;
    const pending = this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    this.#transport = undefined;
    await client?.close().catch(() => undefined);
    await pending;
  }
}
