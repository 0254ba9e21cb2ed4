import type { ChatCompletionRequest } from '@switchyard/core';

/**
 * A cheap check for the common chat request (text messages and a few scalar parameters), run before the zod schema
 * (`chatCompletionRequestSchema`, about 20x its cost). It accepts only what the schema accepts and what the schema
 * would return unchanged but for key order, so a request it passes is used as parsed; anything else (tools, images,
 * other parameters, any doubt) goes to the schema, which keeps its precise 400s. `plain-chat-request.test.ts` checks
 * the first claim against the schema itself.
 */

type Body = Record<string, unknown>;

const messageRoles = new Set(['system', 'developer', 'user', 'assistant']);

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && value >= min && value <= max;
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** `{ role, content, name? }` with a text content and one of the four conversational roles. */
function isTextMessage(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (key === 'role') {
      if (typeof value.role !== 'string' || !messageRoles.has(value.role)) return false;
    } else if (key === 'content' || key === 'name') {
      if (typeof value[key] !== 'string') return false;
    } else return false;
  }
  return 'role' in value && 'content' in value;
}

function isTextMessages(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const message of value) if (!isTextMessage(message)) return false;
  return true;
}

function isStreamOptions(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  for (const key in value) {
    if ((key !== 'include_usage' && key !== 'include_obfuscation') || typeof value[key] !== 'boolean') return false;
  }
  return true;
}

/** Whether one top-level field holds a value the schema accepts; unknown fields are left to the schema. */
function isPlainField(key: string, value: unknown): boolean {
  switch (key) {
    case 'model':
      return typeof value === 'string' && value.length > 0;
    case 'messages':
      return isTextMessages(value);
    case 'stream':
      return value === null || typeof value === 'boolean';
    case 'stream_options':
      return isStreamOptions(value);
    case 'temperature':
      return value === null || isNumberIn(value, 0, 2);
    case 'top_p':
      return value === null || isNumberIn(value, 0, 1);
    case 'max_tokens':
    case 'max_completion_tokens':
      return value === null || isPositiveInteger(value);
    case 'user':
      return typeof value === 'string';
    default:
      return false;
  }
}

/** True when `body` is a plain chat request the schema would accept unchanged (see the file comment). */
export function isPlainChatRequest(body: unknown): body is ChatCompletionRequest {
  if (!isRecord(body) || !('model' in body) || !('messages' in body)) return false;
  for (const key in body) if (!isPlainField(key, body[key])) return false;
  return true;
}
