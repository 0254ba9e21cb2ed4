import { SwitchyardError, type ErrorKind } from '@switchyard/core';

/** Why the bridge refused or failed a request, independent of the transport it came from. */
export type McpBridgeErrorReason =
  | 'invalid_name'
  | 'unknown_server'
  | 'forbidden'
  | 'unavailable'
  | 'timeout'
  | 'cancelled'
  | 'upstream_error';

const kindByReason: Readonly<Record<McpBridgeErrorReason, ErrorKind>> = {
  invalid_name: 'bad_request',
  unknown_server: 'not_found',
  forbidden: 'permission',
  unavailable: 'upstream_unavailable',
  timeout: 'timeout',
  cancelled: 'timeout',
  upstream_error: 'bad_request',
};

export interface McpBridgeErrorOptions {
  server?: string;
  retryAfterMs?: number;
  /** The JSON-RPC error code the upstream answered with (reason `upstream_error`). */
  upstreamCode?: number;
  cause?: unknown;
}

/**
 * The typed error every bridge call throws: a SwitchyardError (so the gateway maps it to an HTTP status and an
 * OpenAI error body) with a `reason` and the server it concerns. Messages never carry configured secrets.
 */
export class McpBridgeError extends SwitchyardError {
  readonly reason: McpBridgeErrorReason;
  readonly server: string | undefined;
  readonly upstreamCode: number | undefined;

  constructor(reason: McpBridgeErrorReason, message: string, options: McpBridgeErrorOptions = {}) {
    super(kindByReason[reason], message, {
      code: `mcp_${reason}`,
      ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.name = 'McpBridgeError';
    this.reason = reason;
    this.server = options.server;
    this.upstreamCode = options.upstreamCode;
  }

  static isMcpBridgeError(value: unknown): value is McpBridgeError {
    return SwitchyardError.isInstance(value) && typeof (value as { reason?: unknown }).reason === 'string';
  }
}
