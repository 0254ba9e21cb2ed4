/** How a forwarded call ended, from the gateway's point of view. */
export type A2aCallOutcome =
  /** The agent answered with a result (or a stream that ended normally). */
  | 'ok'
  /** The agent answered with a JSON-RPC error (or an error event in a stream). */
  | 'agent_error'
  /** The access context does not include the agent. */
  | 'refused'
  /** No such agent, or no such route below it. */
  | 'not_found'
  /** The caller's request was not JSON-RPC the gateway forwards. */
  | 'bad_request'
  /** The agent could not be reached or did not answer A2A. */
  | 'unavailable'
  | 'timeout'
  /** The caller went away before the answer was complete; the request to the agent was aborted. */
  | 'client_closed'
  /** A fault in the gateway itself. */
  | 'internal_error';

/** One call through the forwarder, reported once it is over so the gateway can log it as model `a2a/<agent>`. */
export interface A2aCallReport {
  agent: string;
  /** `a2a/<agent>`. */
  model: string;
  /** The JSON-RPC method as the caller sent it (`SendMessage`, `message/send`, …), or `agent-card`. */
  method: string;
  /** The caller's `A2A-Version`, `0.3` when it sent none (as the spec says). */
  protocolVersion: string;
  stream: boolean;
  /** Events relayed to the caller (streams only). */
  events: number;
  /** The HTTP status the caller got. */
  status: number;
  outcome: A2aCallOutcome;
  /** The JSON-RPC error code the caller got, the agent's or the gateway's. */
  errorCode?: number;
  taskId?: string;
  /** The last task state seen, as on the wire (`TASK_STATE_COMPLETED` in 1.0, `completed` in 0.3). */
  taskState?: string;
  durationMs: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The task a JSON-RPC result is about, in 1.0 (`{task}`, `{statusUpdate}`, a bare Task) or 0.3 (`kind`) shape. */
function taskOf(result: Record<string, unknown>): { taskId?: string; taskState?: string } {
  const inner = record(result['task']) ?? record(result['statusUpdate']) ?? record(result['artifactUpdate']) ?? result;
  // Events and messages name their task in `taskId`; a task (1.0 `{task}`, a bare Task, 0.3 `kind: task`) is `id`.
  const taskId = text(inner['taskId']) ?? (inner['messageId'] === undefined ? text(inner['id']) : undefined);
  const taskState = text(record(inner['status'])?.['state']);
  return { ...(taskId === undefined ? {} : { taskId }), ...(taskState === undefined ? {} : { taskState }) };
}

/** What one JSON-RPC response (or stream event) says: its error code, or the task it is about. */
export function inspectJsonRpcResponse(value: unknown): { errorCode?: number; taskId?: string; taskState?: string } {
  const response = record(value);
  if (response === undefined) return {};
  const error = record(response['error']);
  if (error !== undefined) return typeof error['code'] === 'number' ? { errorCode: error['code'] } : { errorCode: -32603 };
  const result = record(response['result']);
  return result === undefined ? {} : taskOf(result);
}
