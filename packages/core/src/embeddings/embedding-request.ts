import { z } from 'zod';

export const embeddingRequestSchema = z.looseObject({
  model: z.string().min(1, 'model must be a non-empty string'),
  input: z.union([
    z.string(),
    z.array(z.string()).min(1, 'input must not be empty'),
    z.array(z.number().int()).min(1, 'input must not be empty'),
    z.array(z.array(z.number().int()).min(1)).min(1, 'input must not be empty'),
  ]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;
