import { randomUUID } from 'node:crypto';
import { Role, type Message, type Part, type SendMessageRequest } from '@a2a-js/sdk';

/** A user text message, with the ids that continue a conversation or a task. */
export interface A2aTextMessage {
  text: string;
  contextId?: string;
  taskId?: string;
  messageId?: string;
  metadata?: Record<string, unknown>;
}

/** What `sendMessage` and `streamMessage` accept: text, a text message, an SDK Message or a whole request. */
export type A2aMessageInput = string | A2aTextMessage | Message | SendMessageRequest;

/** A text part in the SDK's shape. */
export function textPart(text: string): Part {
  return { content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' };
}

/** A user message in the SDK's shape, with a fresh message id unless one is given. */
export function userMessage(input: string | A2aTextMessage): Message {
  const fields = typeof input === 'string' ? { text: input } : input;
  return {
    messageId: fields.messageId ?? randomUUID(),
    contextId: fields.contextId ?? '',
    taskId: fields.taskId ?? '',
    role: Role.ROLE_USER,
    parts: [textPart(fields.text)],
    metadata: fields.metadata,
    extensions: [],
    referenceTaskIds: [],
  };
}

/** The text parts of a message or artifact, joined. */
export function partsText(parts: readonly Part[]): string {
  return parts.map((part) => (part.content?.$case === 'text' ? part.content.value : '')).join('');
}

export function toSendMessageRequest(input: A2aMessageInput): SendMessageRequest {
  if (typeof input === 'string' || !('parts' in input || 'message' in input)) {
    return { tenant: '', message: userMessage(input as string | A2aTextMessage), configuration: undefined, metadata: undefined };
  }
  if ('message' in input) return input;
  return { tenant: '', message: input, configuration: undefined, metadata: undefined };
}
