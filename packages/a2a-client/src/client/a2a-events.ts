import type { Message, SendMessageResult, StreamResponse, Task, TaskArtifactUpdateEvent, TaskStatusUpdateEvent } from '@a2a-js/sdk';

/** A blocking send answers with a direct message or with the task it started. */
export type A2aSendResult = { type: 'message'; message: Message } | { type: 'task'; task: Task };

/** One event of a streamed send, in the order the agent published it. */
export type A2aStreamEvent =
  | { type: 'task'; task: Task }
  | { type: 'message'; message: Message }
  | { type: 'status-update'; statusUpdate: TaskStatusUpdateEvent }
  | { type: 'artifact-update'; artifactUpdate: TaskArtifactUpdateEvent };

export function toSendResult(result: SendMessageResult): A2aSendResult {
  return 'messageId' in result ? { type: 'message', message: result } : { type: 'task', task: result };
}

export function toStreamEvent(response: StreamResponse): A2aStreamEvent | undefined {
  const payload = response.payload;
  switch (payload?.$case) {
    case 'task':
      return { type: 'task', task: payload.value };
    case 'message':
      return { type: 'message', message: payload.value };
    case 'statusUpdate':
      return { type: 'status-update', statusUpdate: payload.value };
    case 'artifactUpdate':
      return { type: 'artifact-update', artifactUpdate: payload.value };
    default:
      return undefined;
  }
}
