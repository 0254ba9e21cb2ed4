import { toSwitchyardError } from '@switchyard/core';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { McpBridgeError } from '../bridge/mcp-bridge-error.js';

/**
 * A failed tool call as the MCP client sees it: an `isError` result carrying the reason, as LiteLLM does and the
 * conformance suite expects (tool-level problems are results, not JSON-RPC errors). Messages of foreign errors are
 * hidden; bridge and Switchyard errors carry no secrets.
 */
export function toolErrorResult(error: unknown): CallToolResult {
  const known = toSwitchyardError(error);
  const reason = McpBridgeError.isMcpBridgeError(known) ? known.reason : known.kind;
  return {
    content: [{ type: 'text', text: known.message }],
    isError: true,
    _meta: { 'switchyard/error': { reason, status: known.status } },
  };
}

/** A failed prompt or resource request as a JSON-RPC error. */
export function toMcpError(error: unknown): McpError {
  if (error instanceof McpError) return error;
  const known = toSwitchyardError(error);
  if (McpBridgeError.isMcpBridgeError(known) && known.reason === 'upstream_error' && known.upstreamCode !== undefined) {
    return new McpError(known.upstreamCode, known.message);
  }
  const invalid = known.status === 400 || known.status === 403 || known.status === 404;
  return new McpError(invalid ? ErrorCode.InvalidParams : ErrorCode.InternalError, known.message);
}
