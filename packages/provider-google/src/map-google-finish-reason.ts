import type { FinishReason } from '@switchyard/core';

const contentFilterReasons = new Set([
  'SAFETY',
  'RECITATION',
  'LANGUAGE',
  'OTHER',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'IMAGE_OTHER',
  'NO_IMAGE',
]);

/**
 * Finish reasons that mean the model failed to produce a usable tool call. They are not mapped to a finish
 * reason at all: the request fails instead (see googleToolCallFailure in google-error.ts), so a client never
 * receives a silent empty answer.
 */
export const toolCallFailureReasons = new Set([
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'MISSING_THOUGHT_SIGNATURE',
]);

/**
 * Maps a Gemini finishReason to OpenAI's. Gemini ends function calls with STOP, so `hasToolCalls` turns that
 * into `tool_calls`. Unknown values (Google adds new ones) become `stop`.
 */
export function mapGoogleFinishReason(reason: string | undefined, hasToolCalls: boolean): FinishReason {
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && contentFilterReasons.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}
