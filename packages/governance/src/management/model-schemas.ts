import { z } from 'zod';
import { count } from './input-fields.js';

const deploymentId = z.string().min(1).max(256);

/** litellm_params: the routing fields are typed; provider parameters and secrets (api_key, ...) pass through. */
const litellmParams = z.looseObject({
  model: z.string().min(1).max(512),
  api_base: z.url().nullable().optional(),
  custom_llm_provider: z.string().min(1).optional(),
  rpm: count.nullable().optional(),
  tpm: count.nullable().optional(),
  weight: count.nullable().optional(),
  order: count.nullable().optional(),
});

/** model_info: free-form (pricing, capabilities) plus the deployment id. */
const modelInfo = z.looseObject({ id: deploymentId.optional() });

export const newModelSchema = z.strictObject({
  model_name: z.string().min(1).max(512),
  litellm_params: litellmParams,
  model_info: modelInfo.optional(),
});

export const updateModelSchema = z.strictObject({
  model_name: z.string().min(1).max(512).optional(),
  litellm_params: litellmParams.partial().optional(),
  model_info: z.looseObject({ id: deploymentId }),
});

export const deleteModelSchema = z.strictObject({ id: deploymentId });
export const modelInfoQuery = z.strictObject({ litellm_model_id: deploymentId.optional() });

