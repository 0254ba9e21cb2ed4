import { z } from 'zod';

/*
 * The Messages API wire format, as far as the translation reads it. Objects are loose (unknown fields are kept and
 * ignored) and content blocks are typed only by `type`, so a new block or event kind never breaks a response:
 * known kinds are checked with their own schema where they are read.
 */

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  output_tokens_details: z.looseObject({ thinking_tokens: z.number().nullish() }).nullish(),
});

export const anthropicContentBlockSchema = z.looseObject({ type: z.string() });

export const anthropicTextBlockSchema = z.looseObject({ type: z.literal('text'), text: z.string() });

export const anthropicToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});

export const anthropicThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().nullish(),
});

export const anthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

/** A server-side model fallback: the answer after it comes from `to.model`. */
export const anthropicFallbackBlockSchema = z.looseObject({
  type: z.literal('fallback'),
  to: z.looseObject({ model: z.string() }),
});

export const anthropicStopDetailsSchema = z.looseObject({
  type: z.string().nullish(),
  category: z.string().nullish(),
  explanation: z.string().nullish(),
});

export const anthropicMessageSchema = z.looseObject({
  id: z.string(),
  model: z.string(),
  role: z.literal('assistant').optional(),
  content: z.array(anthropicContentBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  stop_details: anthropicStopDetailsSchema.nullish(),
  usage: anthropicUsageSchema.nullish(),
});

export const anthropicErrorBodySchema = z.looseObject({
  type: z.literal('error').optional(),
  error: z.looseObject({ type: z.string(), message: z.string().nullish() }),
});

export const anthropicMessageStartSchema = z.looseObject({
  type: z.literal('message_start'),
  message: anthropicMessageSchema,
});

export const anthropicContentBlockStartSchema = z.looseObject({
  type: z.literal('content_block_start'),
  index: z.number().int().nonnegative(),
  content_block: anthropicContentBlockSchema,
});

export const anthropicContentBlockDeltaSchema = z.looseObject({
  type: z.literal('content_block_delta'),
  index: z.number().int().nonnegative(),
  delta: z.looseObject({
    type: z.string(),
    text: z.string().optional(),
    partial_json: z.string().optional(),
    thinking: z.string().optional(),
    signature: z.string().optional(),
  }),
});

export const anthropicContentBlockStopSchema = z.looseObject({
  type: z.literal('content_block_stop'),
  index: z.number().int().nonnegative(),
});

export const anthropicMessageDeltaSchema = z.looseObject({
  type: z.literal('message_delta'),
  delta: z.looseObject({
    stop_reason: z.string().nullish(),
    stop_sequence: z.string().nullish(),
    stop_details: anthropicStopDetailsSchema.nullish(),
  }),
  usage: anthropicUsageSchema.nullish(),
});

export const anthropicStreamErrorSchema = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: z.string(), message: z.string().nullish() }),
});

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;
export type AnthropicContentBlock = z.infer<typeof anthropicContentBlockSchema>;
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;
export type AnthropicStopDetails = z.infer<typeof anthropicStopDetailsSchema>;
export type AnthropicContentBlockDelta = z.infer<typeof anthropicContentBlockDeltaSchema>;
export type AnthropicMessageDelta = z.infer<typeof anthropicMessageDeltaSchema>;

/** What the translation sends: a content block of a request message or the system prompt. */
export type AnthropicRequestBlock = { type: string; [key: string]: unknown };

export interface AnthropicRequestMessage {
  role: 'user' | 'assistant';
  content: AnthropicRequestBlock[];
}

export interface AnthropicTool {
  name?: string;
  type?: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  [key: string]: unknown;
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export interface AnthropicThinking {
  type: 'enabled' | 'adaptive' | 'disabled';
  budget_tokens?: number;
  [key: string]: unknown;
}

/** The request body of `POST /v1/messages`. */
export interface AnthropicRequestBody {
  model: string;
  max_tokens: number;
  messages: AnthropicRequestMessage[];
  system?: AnthropicRequestBlock[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: AnthropicThinking;
  output_config?: { effort?: string; format?: { type: 'json_schema'; schema: Record<string, unknown> } };
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
  mcp_servers?: Array<Record<string, unknown>>;
  stream?: true;
}
