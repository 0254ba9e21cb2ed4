import { z } from 'zod';

export const textContentPartSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
});

export const imageContentPartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({
    url: z.string().min(1),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
});

export const audioContentPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

export const fileContentPartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});

export const refusalContentPartSchema = z.looseObject({
  type: z.literal('refusal'),
  refusal: z.string(),
});

export const userContentPartSchema = z.discriminatedUnion('type', [
  textContentPartSchema,
  imageContentPartSchema,
  audioContentPartSchema,
  fileContentPartSchema,
]);

export const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

const textOrParts = z.union([z.string(), z.array(textContentPartSchema)]);

export const systemMessageSchema = z.looseObject({
  role: z.literal('system'),
  content: textOrParts,
  name: z.string().optional(),
});

export const developerMessageSchema = z.looseObject({
  role: z.literal('developer'),
  content: textOrParts,
  name: z.string().optional(),
});

export const userMessageSchema = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(userContentPartSchema)]),
  name: z.string().optional(),
});

export const assistantMessageSchema = z.looseObject({
  role: z.literal('assistant'),
  content: z
    .union([z.string(), z.array(z.discriminatedUnion('type', [textContentPartSchema, refusalContentPartSchema]))])
    .nullish(),
  refusal: z.string().nullish(),
  name: z.string().optional(),
  tool_calls: z.array(toolCallSchema).optional(),
  /** Reasoning text returned by a previous turn; providers that round-trip thinking read it. */
  reasoning_content: z.string().nullish(),
  /** Provider thinking blocks with their signatures, kept so multi-turn thinking round-trips. */
  thinking_blocks: z.array(z.looseObject({ type: z.string() })).optional(),
});

export const toolMessageSchema = z.looseObject({
  role: z.literal('tool'),
  content: textOrParts,
  tool_call_id: z.string(),
});

export const functionMessageSchema = z.looseObject({
  role: z.literal('function'),
  content: z.string().nullable(),
  name: z.string(),
});

export const chatMessageSchema = z.discriminatedUnion('role', [
  systemMessageSchema,
  developerMessageSchema,
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
  functionMessageSchema,
]);

export type TextContentPart = z.infer<typeof textContentPartSchema>;
export type ImageContentPart = z.infer<typeof imageContentPartSchema>;
export type UserContentPart = z.infer<typeof userContentPartSchema>;
export type ToolCall = z.infer<typeof toolCallSchema>;
export type SystemMessage = z.infer<typeof systemMessageSchema>;
export type DeveloperMessage = z.infer<typeof developerMessageSchema>;
export type UserMessage = z.infer<typeof userMessageSchema>;
export type AssistantMessage = z.infer<typeof assistantMessageSchema>;
export type ToolMessage = z.infer<typeof toolMessageSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
