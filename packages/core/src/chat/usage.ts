import { z } from 'zod';

export const usageSchema = z.looseObject({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  prompt_tokens_details: z
    .looseObject({
      cached_tokens: z.number().optional(),
      /** Tokens written to the provider's prompt cache (Anthropic cache creation, Bedrock cache write). */
      cache_creation_tokens: z.number().optional(),
      audio_tokens: z.number().optional(),
    })
    .nullish(),
  completion_tokens_details: z
    .looseObject({
      reasoning_tokens: z.number().optional(),
      audio_tokens: z.number().optional(),
      accepted_prediction_tokens: z.number().optional(),
      rejected_prediction_tokens: z.number().optional(),
    })
    .nullish(),
});

export type Usage = z.infer<typeof usageSchema>;
