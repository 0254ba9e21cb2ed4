import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { McpBridgeError } from '../bridge/mcp-bridge-error.js';

export interface UpstreamFailure {
  error: McpBridgeError;
  /** The connection is no longer usable: close it, the next use opens a new one. */
  dropConnection: boolean;
  /** The upstream never processed the request (its session is gone), so one retry on a new session is safe. */
  retryOnNewSession: boolean;
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof StreamableHTTPError || error instanceof SseError) return error.code;
  return undefined;
}

/** A short, secret-free detail: a system error code or an HTTP status, never an upstream body or a header. */
function detailOf(error: unknown): string {
  const status = httpStatusOf(error);
  if (status !== undefined) return `HTTP ${status}`;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return error instanceof Error ? error.name : 'unknown error';
}

/**
 * Sorts what an upstream request threw into a typed bridge error, and says what to do with the connection.
 * `connectionClosed` tells whether the client's transport has gone (the SDK reports that as MCP error -32000).
 */
export function classifyUpstreamFailure(
  server: string,
  error: unknown,
  context: { connectionClosed: boolean; aborted: boolean },
): UpstreamFailure {
  const keep = { dropConnection: false, retryOnNewSession: false };
  if (context.aborted) {
    return { ...keep, error: new McpBridgeError('cancelled', `The call to MCP server "${server}" was cancelled.`, { server }) };
  }
  if (error instanceof McpError && !(error.code === ErrorCode.ConnectionClosed && context.connectionClosed)) {
    if (error.code === ErrorCode.RequestTimeout) {
      return { ...keep, error: new McpBridgeError('timeout', `MCP server "${server}" did not answer in time.`, { server }) };
    }
    const message = `MCP server "${server}" answered with an error: ${error.message}`;
    return { ...keep, error: new McpBridgeError('upstream_error', message, { server, upstreamCode: error.code }) };
  }
  const status = httpStatusOf(error);
  const message = `MCP server "${server}" is unavailable (${detailOf(error)}).`;
  return {
    error: new McpBridgeError('unavailable', message, { server, cause: error }),
    dropConnection: true,
    retryOnNewSession: status === 400 || status === 404,
  };
}
