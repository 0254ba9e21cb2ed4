/** The JSON-RPC methods the gateway forwards, A2A 1.0 names and 0.3 names, and whether they stream. */
const forwardedMethods: ReadonlyMap<string, { stream: boolean }> = new Map([
  ['SendMessage', { stream: false }],
  ['SendStreamingMessage', { stream: true }],
  ['GetTask', { stream: false }],
  ['CancelTask', { stream: false }],
  ['SubscribeToTask', { stream: true }],
  ['message/send', { stream: false }],
  ['message/stream', { stream: true }],
  ['tasks/get', { stream: false }],
  ['tasks/cancel', { stream: false }],
  ['tasks/resubscribe', { stream: true }],
]);

/**
 * A2A methods the gateway refuses: listing tasks would show every caller's tasks (the agent sees one user, the
 * gateway), push-notification configs would have the agent call URLs of the caller's choosing, and the extended
 * card is fetched with the gateway's credentials for the agent.
 */
const refusedMethods = new Set([
  'ListTasks',
  'CreateTaskPushNotificationConfig',
  'GetTaskPushNotificationConfig',
  'ListTaskPushNotificationConfigs',
  'DeleteTaskPushNotificationConfig',
  'GetExtendedAgentCard',
  'tasks/pushNotificationConfig/set',
  'tasks/pushNotificationConfig/get',
  'tasks/pushNotificationConfig/list',
  'tasks/pushNotificationConfig/delete',
  'agent/getAuthenticatedExtendedCard',
]);

export const jsonRpcCodes = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  internalError: -32603,
  /** A2A UnsupportedOperationError (1.0 and 0.3). */
  unsupportedOperation: -32004,
  /** Generic server error: used for an unknown or refused agent. */
  serverError: -32000,
} as const;

export type JsonRpcId = string | number | null;

export interface JsonRpcCall {
  id: JsonRpcId;
  method: string;
  stream: boolean;
}

export interface JsonRpcProblem {
  id: JsonRpcId;
  code: number;
  message: string;
  /** The HTTP status that goes with it. */
  status: number;
}

export function jsonRpcErrorBody(id: JsonRpcId, code: number, message: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } });
}

function requestId(value: unknown): JsonRpcId | undefined {
  return typeof value === 'string' || typeof value === 'number' || value === null ? value : undefined;
}

/** Checks a parsed body is one JSON-RPC 2.0 request for a method the gateway forwards. */
export function readJsonRpcCall(body: unknown): JsonRpcCall | JsonRpcProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { id: null, code: jsonRpcCodes.invalidRequest, message: 'Expected one JSON-RPC 2.0 request object.', status: 400 };
  }
  const request = body as Record<string, unknown>;
  const id = requestId(request['id']);
  if (request['jsonrpc'] !== '2.0' || typeof request['method'] !== 'string' || id === undefined) {
    return { id: id ?? null, code: jsonRpcCodes.invalidRequest, message: 'Expected a JSON-RPC 2.0 request with a method and an id.', status: 400 };
  }
  const method = request['method'];
  const known = forwardedMethods.get(method);
  if (known) return { id, method, stream: known.stream };
  if (refusedMethods.has(method)) {
    return { id, code: jsonRpcCodes.unsupportedOperation, message: `The gateway does not forward ${method}.`, status: 200 };
  }
  return { id, code: jsonRpcCodes.methodNotFound, message: `Method not found: ${method.slice(0, 100)}`, status: 200 };
}

export function isProblem(value: JsonRpcCall | JsonRpcProblem): value is JsonRpcProblem {
  return 'code' in value;
}
