import { randomBytes } from 'node:crypto';
import { SwitchyardError, type ChatCompletion, type ChatCompletionChoice, type ToolCall } from '@switchyard/core';
import type { GoogleCandidate, GoogleGenerateContentResponse, GoogleResponsePart } from './google-api.js';
import { googleStreamError, googleToolCallFailure } from './google-error.js';
import { encodeToolCallId } from './google-tool-call-id.js';
import { convertGoogleUsage } from './google-usage.js';
import { mapGoogleFinishReason, toolCallFailureReasons } from './map-google-finish-reason.js';

export interface ThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature?: string;
  [key: string]: unknown;
}

/** Folds thought parts into thinking blocks; a signature closes the block it belongs to. */
export class ThinkingBlockCollector {
  readonly blocks: ThinkingBlock[] = [];
  #open: ThinkingBlock | undefined;

  /** A thought part: its text extends the open block; a signature on it closes the block. */
  thought(text: string, signature: string | undefined): void {
    this.#open ??= this.#push({ type: 'thinking', thinking: '' });
    this.#open.thinking += text;
    if (signature) {
      this.#open.signature = signature;
      this.#open = undefined;
    }
  }

  /** A text part: it ends the open thought block; its own signature is kept in a block without thinking text. */
  text(signature: string | undefined): void {
    this.#open = undefined;
    if (signature) this.#push({ type: 'thinking', thinking: '', signature });
  }

  /** A function call ends the open thought block (its signature travels in the tool call id). */
  call(): void {
    this.#open = undefined;
  }

  #push(block: ThinkingBlock): ThinkingBlock {
    this.blocks.push(block);
    return block;
  }
}

export function newCompletionId(responseId: string | undefined): string {
  return `chatcmpl-${responseId ?? randomBytes(12).toString('hex')}`;
}

interface CollectedParts {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  thinking: ThinkingBlockCollector;
}

function collectParts(parts: readonly GoogleResponsePart[]): CollectedParts {
  const collected: CollectedParts = { text: '', reasoning: '', toolCalls: [], thinking: new ThinkingBlockCollector() };
  for (const part of parts) {
    if (part.functionCall) {
      const { id, name, args } = part.functionCall;
      collected.thinking.call();
      collected.toolCalls.push({
        id: encodeToolCallId(id, part.thoughtSignature),
        type: 'function',
        function: { name: name ?? '', arguments: JSON.stringify(args ?? {}) },
      });
    } else if (typeof part.text === 'string' && part.thought === true) {
      collected.reasoning += part.text;
      collected.thinking.thought(part.text, part.thoughtSignature);
    } else if (typeof part.text === 'string') {
      collected.text += part.text;
      collected.thinking.text(part.thoughtSignature);
    }
  }
  return collected;
}

function convertCandidate(candidate: GoogleCandidate, position: number, provider: string): ChatCompletionChoice {
  const reason = candidate.finishReason;
  if (reason !== undefined && toolCallFailureReasons.has(reason)) throw googleToolCallFailure(provider, reason, candidate.finishMessage);
  const collected = collectParts(candidate.content?.parts ?? []);
  const message: ChatCompletionChoice['message'] = { role: 'assistant', content: collected.text === '' ? null : collected.text, refusal: null };
  if (collected.reasoning !== '') message.reasoning_content = collected.reasoning;
  if (collected.thinking.blocks.length > 0) message.thinking_blocks = collected.thinking.blocks;
  if (collected.toolCalls.length > 0) message.tool_calls = collected.toolCalls;
  return {
    index: candidate.index ?? position,
    message,
    finish_reason: mapGoogleFinishReason(reason, collected.toolCalls.length > 0),
    logprobs: null,
  };
}

function blockedChoice(): ChatCompletionChoice {
  return { index: 0, message: { role: 'assistant', content: null, refusal: null }, finish_reason: 'content_filter', logprobs: null };
}

/**
 * Converts a generateContent response into an OpenAI completion. A prompt Gemini blocked
 * (promptFeedback.blockReason, no candidates) is an empty answer with finish_reason content_filter; an answer
 * that ended in a failed tool call throws (see googleToolCallFailure).
 */
export function convertGoogleResponse(response: GoogleGenerateContentResponse, provider: string, model: string, secrets: readonly string[]): ChatCompletion {
  if (response.error) throw googleStreamError(provider, response.error, secrets);
  const candidates = response.candidates ?? [];
  let choices: ChatCompletionChoice[];
  if (candidates.length > 0) choices = candidates.map((candidate, position) => convertCandidate(candidate, position, provider));
  else if (response.promptFeedback?.blockReason) choices = [blockedChoice()];
  else throw new SwitchyardError('upstream_unavailable', `${provider} returned neither candidates nor a block reason`, { status: 502, provider });
  const completion: ChatCompletion = {
    id: newCompletionId(response.responseId),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.modelVersion ?? model,
    choices,
  };
  const usage = convertGoogleUsage(response.usageMetadata);
  if (usage) completion.usage = usage;
  return completion;
}
