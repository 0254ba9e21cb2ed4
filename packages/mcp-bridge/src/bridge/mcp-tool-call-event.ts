import type { McpServerConfig } from '../config/mcp-server-config.js';
import type { McpBridgeError } from './mcp-bridge-error.js';

/** A tool call about to be sent upstream (after the access checks passed). */
export interface McpToolCallStart {
  /** Unique per call: the same in `beforeToolCall` and the call's event (pairs a rate-limit lease with its end). */
  callId: string;
  server: string;
  /** The upstream's own tool name. */
  tool: string;
  /** `<server>-<tool>`, as clients and models see it. */
  namespacedName: string;
  arguments: Readonly<Record<string, unknown>>;
  /** The caller's access subject (a key id), when the caller gave one. */
  subject?: string | undefined;
  /** The downstream MCP session, for calls that came through the `/mcp` handler. */
  sessionId?: string | undefined;
}

/**
 * The outcome of one tool call, reported once per call (refused ones included) so the gateway can log it like a
 * model call, charge its cost and count it against rate limits.
 * - `success`: the upstream answered with a result.
 * - `tool_error`: the upstream answered with `isError: true` (the tool ran and failed).
 * - `error`: the upstream could not be reached or answered with a protocol error, or the call timed out.
 * - `refused`: never sent upstream (unknown name, forbidden by access or config, or refused by `beforeToolCall`).
 */
export interface McpToolCallEvent extends Partial<McpToolCallStart> {
  callId: string;
  namespacedName: string;
  status: 'success' | 'tool_error' | 'error' | 'refused';
  durationMs: number;
  /** From `mcp_info.mcp_server_cost_info`; 0 for calls that did not run upstream. */
  cost: number;
  error?: unknown;
  /** The typed reason for `error` and `refused` outcomes that came from the bridge itself. */
  reason?: McpBridgeError['reason'] | undefined;
}

/** The configured price of one call of `tool` on a server (`tool_name_to_cost_per_query` wins over the default). */
export function toolCallCost(config: McpServerConfig, tool: string): number {
  const info = config.mcp_info?.mcp_server_cost_info;
  if (!info) return 0;
  return info.tool_name_to_cost_per_query?.[tool] ?? info.default_cost_per_query ?? 0;
}
