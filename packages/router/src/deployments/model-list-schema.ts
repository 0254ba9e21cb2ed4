import { z } from 'zod';

const count = z.coerce.number().int().min(0);
const seconds = z.coerce.number().positive();
const price = z.coerce.number().min(0);

/** The `litellm_params` keys the router reads; everything else is kept for the provider. */
export const deploymentParamsSchema = z.looseObject({
  model: z.string().min(1, 'must name the upstream model as "<provider>/<model>"'),
  custom_llm_provider: z.string().min(1).optional(),
  api_key: z.string().optional(),
  api_base: z.string().min(1).optional(),
  base_url: z.string().min(1).optional(),
  api_version: z.coerce.string().optional(),
  headers: z.record(z.string(), z.coerce.string()).optional(),
  extra_headers: z.record(z.string(), z.coerce.string()).optional(),
  drop_params: z.union([z.boolean(), z.stringbool()]).optional(),
  rpm: count.optional(),
  tpm: count.optional(),
  weight: z.coerce.number().min(0).optional(),
  order: z.coerce.number().int().optional(),
  tags: z.array(z.coerce.string()).optional(),
  max_parallel_requests: count.optional(),
  timeout: seconds.optional(),
  stream_timeout: seconds.optional(),
  region_name: z.string().min(1).optional(),
});

/** The `model_info` keys the router reads. */
export const deploymentInfoSchema = z.looseObject({
  id: z.coerce.string().min(1).optional(),
  max_input_tokens: count.optional(),
  input_cost_per_token: price.optional(),
  output_cost_per_token: price.optional(),
  region: z.string().min(1).optional(),
});

/** One `model_list` entry as LiteLLM writes it (`params` is accepted for `litellm_params`). */
export const modelListEntrySchema = z
  .looseObject({
    model_name: z.coerce.string().min(1, 'must be a non-empty model group name'),
    litellm_params: deploymentParamsSchema.optional(),
    params: deploymentParamsSchema.optional(),
    model_info: deploymentInfoSchema.nullish(),
  })
  .refine((entry) => entry.litellm_params !== undefined || entry.params !== undefined, {
    message: 'needs litellm_params with at least a model',
  });

export type DeploymentParams = z.infer<typeof deploymentParamsSchema>;
export type DeploymentInfo = z.infer<typeof deploymentInfoSchema>;
export type ModelListEntry = z.input<typeof modelListEntrySchema>;
export type ParsedModelListEntry = z.infer<typeof modelListEntrySchema>;

/** `litellm_params` keys that configure routing rather than the provider. */
export const routingParamKeys: ReadonlySet<string> = new Set([
  'rpm',
  'tpm',
  'weight',
  'order',
  'tags',
  'max_parallel_requests',
  'stream_timeout',
  'region_name',
]);
