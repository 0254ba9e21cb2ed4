import type { MockToolCall } from '../tools/mock-tool-call.js';

export const mockText = 'This is a mock response from Switchyard.';
export const defaultChunks = 20;

/** The generated answer of one request: its text, the stream deltas and the token counts. */
export interface MockAnswer {
  text: string;
  /** The text split into stream deltas, in order; joined they give `text`. */
  pieces: readonly string[];
  promptTokens: number;
  completionTokens: number;
  /** True when the answer was cut to the request's output token limit. */
  truncated: boolean;
  /** A generated tool call answers instead of text; `pieces` then split its arguments JSON. */
  toolCall?: MockToolCall;
}

/** What identifies an answer's stream frames apart from the model name and the prompt tokens. */
export function answerKey(answer: MockAnswer): string {
  const tool = answer.toolCall === undefined ? '' : `${answer.toolCall.name}|${answer.toolCall.argumentsJson}`;
  return `${answer.truncated}|${answer.pieces.length}|${answer.text.length}|${tool}`;
}

/** The answer that calls a tool: no text, and the arguments JSON split into `chunks - 2` deltas. */
export function planToolCallAnswer(promptCharacters: number, toolCall: MockToolCall, chunks = defaultChunks): MockAnswer {
  const json = toolCall.argumentsJson;
  return {
    text: '',
    pieces: splitEvenly(json, Math.min(Math.max(1, chunks - 2), json.length)),
    promptTokens: estimateTokens(promptCharacters),
    completionTokens: estimateTokens(toolCall.name.length + json.length),
    truncated: false,
    toolCall,
  };
}

/** About four characters per token, and never less than one token. */
export function estimateTokens(characters: number): number {
  return Math.max(1, Math.ceil(characters / 4));
}

/**
 * Plans the deterministic answer. The text is split into `chunks - 2` deltas (at least one), so an OpenAI stream
 * carries exactly `chunks` data events: the role chunk, the deltas and the finish chunk. When more deltas are asked
 * for than the sentence has characters, the sentence is repeated. With a tool call the answer calls it instead.
 */
export function planAnswer(
  promptCharacters: number,
  chunks = defaultChunks,
  maxTokens?: number,
  toolCall?: MockToolCall,
): MockAnswer {
  if (toolCall !== undefined) return planToolCallAnswer(promptCharacters, toolCall, chunks);
  const deltas = Math.max(1, chunks - 2);
  let text = mockText;
  if (deltas > text.length) text = Array.from({ length: Math.ceil(deltas / (mockText.length + 1)) + 1 }, () => mockText).join(' ');
  let truncated = false;
  if (maxTokens !== undefined && estimateTokens(text.length) > maxTokens) {
    text = text.slice(0, maxTokens * 4);
    truncated = true;
  }
  return {
    text,
    pieces: splitEvenly(text, Math.min(deltas, text.length)),
    promptTokens: estimateTokens(promptCharacters),
    completionTokens: estimateTokens(text.length),
    truncated,
  };
}

function splitEvenly(text: string, count: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < count; index++) {
    pieces.push(text.slice(Math.floor((index * text.length) / count), Math.floor(((index + 1) * text.length) / count)));
  }
  return pieces;
}

const textKeys = new Set(['text', 'content', 'inputText']);

/** Sums the lengths of the strings under `text`/`content` keys (or bare strings) in a request fragment. */
export function countTextCharacters(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (depth > 12 || value === null || typeof value !== 'object') return 0;
  let total = 0;
  if (Array.isArray(value)) {
    for (const item of value) total += countTextCharacters(item, depth + 1);
    return total;
  }
  for (const [key, item] of Object.entries(value)) {
    if (textKeys.has(key) || typeof item === 'object') total += countTextCharacters(item, depth + 1);
  }
  return total;
}
