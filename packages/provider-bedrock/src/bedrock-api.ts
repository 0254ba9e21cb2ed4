import { z } from 'zod';

/** The Converse request as Bedrock takes it (only the parts Switchyard sends). */
export type BedrockImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export type BedrockCachePoint = { cachePoint: { type: 'default' } };

export type BedrockContentBlock =
  | { text: string }
  | { image: { format: BedrockImageFormat; source: { bytes: string } } }
  | { document: { format: string; name: string; source: { bytes: string } } }
  | { toolUse: { toolUseId: string; name: string; input: unknown } }
  | {
      toolResult: {
        toolUseId: string;
        content: Array<{ text: string }>;
        status?: 'success' | 'error';
      };
    }
  | { reasoningContent: { reasoningText: { text: string; signature?: string } } | { redactedContent: string } }
  | BedrockCachePoint;

export interface BedrockMessage {
  role: 'user' | 'assistant';
  content: BedrockContentBlock[];
}

export type BedrockSystemBlock = { text: string } | BedrockCachePoint;

export interface BedrockToolSpec {
  toolSpec: { name: string; description?: string; inputSchema: { json: Record<string, unknown> } };
}

export type BedrockToolChoice = { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };

export interface BedrockToolConfig {
  tools: Array<BedrockToolSpec | BedrockCachePoint>;
  toolChoice?: BedrockToolChoice;
}

export interface BedrockInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

export interface BedrockConverseRequest {
  messages: BedrockMessage[];
  system?: BedrockSystemBlock[];
  inferenceConfig?: BedrockInferenceConfig;
  toolConfig?: BedrockToolConfig;
  additionalModelRequestFields?: Record<string, unknown>;
}

// Responses are parsed leniently: unknown fields pass, only what Switchyard reads is typed.

export const bedrockUsageSchema = z.looseObject({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative().optional(),
  cacheReadInputTokens: z.number().int().nonnegative().nullish(),
  cacheWriteInputTokens: z.number().int().nonnegative().nullish(),
});

const reasoningContentSchema = z.looseObject({
  reasoningText: z.looseObject({ text: z.string(), signature: z.string().nullish() }).nullish(),
  redactedContent: z.string().nullish(),
});

export const bedrockResponseBlockSchema = z.looseObject({
  text: z.string().nullish(),
  toolUse: z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() }).nullish(),
  reasoningContent: reasoningContentSchema.nullish(),
});

export const bedrockConverseResponseSchema = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({ role: z.string().optional(), content: z.array(bedrockResponseBlockSchema) }),
  }),
  stopReason: z.string().nullish(),
  usage: bedrockUsageSchema.nullish(),
});

export const bedrockStreamEventSchemas = {
  messageStart: z.looseObject({ role: z.string().optional() }),
  contentBlockStart: z.looseObject({
    contentBlockIndex: z.number().int().nonnegative(),
    start: z
      .looseObject({ toolUse: z.looseObject({ toolUseId: z.string(), name: z.string() }).nullish() })
      .nullish(),
  }),
  contentBlockDelta: z.looseObject({
    contentBlockIndex: z.number().int().nonnegative(),
    delta: z.looseObject({
      text: z.string().nullish(),
      toolUse: z.looseObject({ input: z.string() }).nullish(),
      reasoningContent: z
        .looseObject({ text: z.string().nullish(), signature: z.string().nullish(), redactedContent: z.string().nullish() })
        .nullish(),
    }),
  }),
  contentBlockStop: z.looseObject({ contentBlockIndex: z.number().int().nonnegative() }),
  messageStop: z.looseObject({ stopReason: z.string().nullish() }),
  metadata: z.looseObject({ usage: bedrockUsageSchema.nullish() }),
} as const;

export type BedrockUsage = z.infer<typeof bedrockUsageSchema>;
export type BedrockResponseBlock = z.infer<typeof bedrockResponseBlockSchema>;
export type BedrockConverseResponse = z.infer<typeof bedrockConverseResponseSchema>;
export type BedrockStreamEventType = keyof typeof bedrockStreamEventSchemas;
export type BedrockStreamEvent = {
  [K in BedrockStreamEventType]: { type: K; value: z.infer<(typeof bedrockStreamEventSchemas)[K]> };
}[BedrockStreamEventType];
