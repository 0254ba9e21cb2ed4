import { A2AError } from '@a2a-js/sdk/errors';
import { SwitchyardError } from '@switchyard/core';
import { redactSecrets, transportError } from '@switchyard/provider-kit';
import type { A2aAgent } from '../config/a2a-agent-registry.js';
import type { CallDeadline } from './call-deadline.js';

function protocolError(error: unknown): A2AError | undefined {
  if (error instanceof A2AError) return error;
  // The SDK wraps an error event inside a stream in a plain Error whose cause is the protocol error.
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof A2AError ? cause : undefined;
}

/**
 * What a failed call throws. The agent's protocol errors are the SDK's own classes, unchanged
 * (`TaskNotFoundError` for an unknown task, code -32001 on JSON-RPC). Everything else becomes a SwitchyardError:
 * `timeout` when the deadline passed or the caller aborted, `upstream_unavailable` for transport failures and
 * answers that are not A2A; the agent's header values are redacted from any message.
 */
export function toA2aCallError(error: unknown, agent: A2aAgent, deadline: CallDeadline): unknown {
  const protocol = protocolError(error);
  if (protocol) return protocol;
  if (SwitchyardError.isInstance(error)) return error;
  const provider = `a2a/${agent.name}`;
  if (deadline.timedOut) {
    return new SwitchyardError('timeout', `A2A agent "${agent.name}" did not answer within the timeout.`, { provider, cause: error });
  }
  if (deadline.callerAborted) {
    return new SwitchyardError('timeout', `The call to A2A agent "${agent.name}" was aborted.`, { provider, cause: error });
  }
  if (typeof (error as { code?: unknown } | undefined)?.code === 'string') return transportError(error, provider);
  const message = error instanceof Error ? error.message : String(error);
  return new SwitchyardError(
    'upstream_unavailable',
    `A2A agent "${agent.name}" gave an answer that is not A2A: ${redactSecrets(message, Object.values(agent.headers))}`,
    { status: 502, provider },
  );
}
