import type { ToolCall } from './chat-message.js';
import type { Usage } from './usage.js';

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal?: string | null;
  tool_calls?: ToolCall[];
  /** Thinking text, as LiteLLM and DeepSeek return it. */
  reasoning_content?: string | null;
  /** Provider thinking blocks with signatures, for round-tripping multi-turn thinking. */
  thinking_blocks?: Array<{ type: string; [key: string]: unknown }>;
  annotations?: unknown[];
  [key: string]: unknown;
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: FinishReason | null;
  logprobs: unknown;
  [key: string]: unknown;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: Usage;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  [key: string]: unknown;
}
