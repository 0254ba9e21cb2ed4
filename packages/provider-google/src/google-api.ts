import { z } from 'zod';

// Request shapes: what this package sends. Plain types, since we build these bodies ourselves.

export interface GoogleFunctionCall {
  name: string;
  args: Record<string, unknown>;
  id?: string;
}

export interface GooglePart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: GoogleFunctionCall;
  functionResponse?: { name: string; response: Record<string, unknown>; id?: string };
}

export interface GoogleContent {
  role: 'user' | 'model';
  parts: GooglePart[];
}

export interface GoogleFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

export interface GoogleTool {
  functionDeclarations: GoogleFunctionDeclaration[];
}

export interface GoogleToolConfig {
  functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] };
}

export interface GoogleThinkingConfig {
  thinkingBudget?: number;
  thinkingLevel?: 'low' | 'high';
  includeThoughts?: boolean;
}

export interface GoogleGenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  candidateCount?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseMimeType?: string;
  responseSchema?: Record<string, unknown>;
  thinkingConfig?: GoogleThinkingConfig;
}

export interface GoogleGenerateContentRequest {
  contents: GoogleContent[];
  systemInstruction?: { parts: Array<{ text: string }> };
  tools?: GoogleTool[];
  toolConfig?: GoogleToolConfig;
  generationConfig?: GoogleGenerationConfig;
  safetySettings?: unknown[];
  cachedContent?: string;
}

// Response shapes: lenient schemas, since Google adds fields often. Unknown fields are kept, never required.

const partialArgSchema = z.looseObject({
  jsonPath: z.string(),
  stringValue: z.string().optional(),
  numberValue: z.number().optional(),
  boolValue: z.boolean().optional(),
  nullValue: z.unknown().optional(),
  willContinue: z.boolean().optional(),
});

const functionCallSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  args: z.record(z.string(), z.unknown()).nullish(),
  partialArgs: z.array(partialArgSchema).optional(),
  willContinue: z.boolean().optional(),
});

export const googleResponsePartSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  functionCall: functionCallSchema.optional(),
  inlineData: z.looseObject({ mimeType: z.string().optional(), data: z.string().optional() }).optional(),
});

const candidateSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  content: z.looseObject({ role: z.string().optional(), parts: z.array(googleResponsePartSchema).nullish() }).nullish(),
  finishReason: z.string().optional(),
  finishMessage: z.string().optional(),
});

export const googleUsageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().optional(),
  candidatesTokenCount: z.number().optional(),
  thoughtsTokenCount: z.number().optional(),
  cachedContentTokenCount: z.number().optional(),
  toolUsePromptTokenCount: z.number().optional(),
  totalTokenCount: z.number().optional(),
});

export const googleErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional() })).optional(),
  }),
});

export const googleGenerateContentResponseSchema = z.looseObject({
  candidates: z.array(candidateSchema).nullish(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional(), blockReasonMessage: z.string().optional() }).nullish(),
  usageMetadata: googleUsageMetadataSchema.nullish(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
  error: googleErrorBodySchema.shape.error.optional(),
});

export const googleEmbedResponseSchema = z.looseObject({
  embedding: z.looseObject({ values: z.array(z.number()) }).optional(),
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })).optional(),
});

export const vertexPredictResponseSchema = z.looseObject({
  predictions: z.array(
    z.looseObject({
      embeddings: z.looseObject({
        values: z.array(z.number()),
        statistics: z.looseObject({ token_count: z.number().optional() }).optional(),
      }),
    }),
  ),
});

export type GoogleResponsePart = z.infer<typeof googleResponsePartSchema>;
export type GoogleCandidate = z.infer<typeof candidateSchema>;
export type GoogleUsageMetadata = z.infer<typeof googleUsageMetadataSchema>;
export type GoogleErrorBody = z.infer<typeof googleErrorBodySchema>;
export type GoogleGenerateContentResponse = z.infer<typeof googleGenerateContentResponseSchema>;
export type GooglePartialArg = z.infer<typeof partialArgSchema>;
