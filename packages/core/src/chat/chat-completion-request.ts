import { z } from 'zod';
import { chatMessageSchema } from './chat-message.js';
import { chatToolSchema, toolChoiceSchema } from './chat-tool.js';

export const responseFormatSchema = z.union([
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const reasoningEffortSchema = z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);

/** Anthropic-style thinking configuration, accepted on the OpenAI surface as LiteLLM does. */
export const thinkingConfigSchema = z.looseObject({
  type: z.enum(['enabled', 'disabled', 'adaptive']),
  budget_tokens: z.number().int().positive().optional(),
});

export const streamOptionsSchema = z.looseObject({
  include_usage: z.boolean().optional(),
  include_obfuscation: z.boolean().optional(),
});

/**
 * The OpenAI chat completion request. Objects are loose: fields this schema does not name are kept and
 * forwarded, so provider-specific parameters pass through a pass-through provider untouched.
 */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1, 'model must be a non-empty string'),
  messages: z.array(chatMessageSchema).min(1, 'messages must contain at least one message'),
  stream: z.boolean().nullish(),
  stream_options: streamOptionsSchema.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(16)]).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  seed: z.number().int().nullish(),
  user: z.string().optional(),
  tools: z.array(chatToolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: responseFormatSchema.optional(),
  reasoning_effort: reasoningEffortSchema.nullish(),
  thinking: thinkingConfigSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type ResponseFormat = z.infer<typeof responseFormatSchema>;
export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;
export type ThinkingConfig = z.infer<typeof thinkingConfigSchema>;
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
