import type { Implementation } from '@modelcontextprotocol/sdk/types.js';
import type { ReconnectBackoff } from '../upstream/reconnect-backoff.js';
import type { UpstreamStateEvent } from '../upstream/upstream-connection.js';
import type { McpToolCallEvent, McpToolCallStart } from './mcp-tool-call-event.js';

export interface McpBridgeHooks {
  /**
   * Called before a permitted tool call goes upstream. Throw (a SwitchyardError `rate_limit`, say) to refuse it;
   * the call is then reported as `refused` and the error reaches the caller unchanged.
   */
  beforeToolCall?: (call: McpToolCallStart) => void | Promise<void>;
  /** One event per tool call, refused ones included: duration, status, cost. Must not throw. */
  onToolCall?: (event: McpToolCallEvent) => void;
  /** Upstream connected, disconnected, or failed to connect (with the backoff before the next attempt). */
  onUpstreamState?: (event: UpstreamStateEvent) => void;
  /** A listing that failed for one server (the others are still returned). */
  onUpstreamError?: (server: string, operation: string, error: unknown) => void;
  /** What a stdio server wrote to stderr (discarded when absent). */
  onUpstreamStderr?: (server: string, chunk: string) => void;
}

export interface McpBridgeOptions {
  /** `lazy` (default): connect a server on first use. `eager`: start every connection at creation. */
  connect?: 'lazy' | 'eager';
  /** Connection (spawn + initialize) timeout per attempt. Default 20 s. */
  connectTimeoutMs?: number;
  /** Per-request timeout, unless the server config sets `timeout` (seconds). Default 60 s. */
  requestTimeoutMs?: number;
  /** Waits between failed connection attempts. Default 0.5 s doubling to 30 s. */
  reconnect?: Partial<ReconnectBackoff>;
  /** Pagination guards for upstream lists. Defaults: 100 pages, 30 s. */
  maxPages?: number;
  listDeadlineMs?: number;
  /** How the bridge introduces itself upstream. */
  clientInfo?: Implementation;
  hooks?: McpBridgeHooks;
}
