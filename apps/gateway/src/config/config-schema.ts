import { a2aAgentsConfigSchema } from '@switchyard/a2a-client/config';
import { mcpServersConfigSchema } from '@switchyard/mcp-bridge/config';
import { litellmRoutingSettingsSchema, routerSettingsSchema } from '@switchyard/router';
import { z } from 'zod';

/** Seconds as LiteLLM writes them; a value from `os.environ/NAME` arrives as a string and is coerced. */
const seconds = z.coerce.number().positive();

/** A YAML boolean, or the text of one when it came from the environment. */
const flag = z.union([z.boolean(), z.stringbool()]);

export const deploymentParamsSchema = z.looseObject({
  model: z.string().min(1, 'must name the upstream model as "<provider>/<model>"'),
  api_base: z.string().min(1).optional(),
  base_url: z.string().min(1).optional(),
  api_key: z.string().optional(),
  api_version: z.coerce.string().optional(),
  custom_llm_provider: z.string().min(1).optional(),
  organization: z.string().optional(),
  extra_headers: z.record(z.string(), z.coerce.string()).optional(),
  headers: z.record(z.string(), z.coerce.string()).optional(),
  timeout: seconds.optional(),
  stream_timeout: seconds.optional(),
  drop_params: flag.optional(),
});

export const modelEntrySchema = z.looseObject({
  model_name: z.coerce.string().min(1, 'must be a non-empty model group name'),
  litellm_params: deploymentParamsSchema.optional(),
  params: deploymentParamsSchema.optional(),
  model_info: z.record(z.string(), z.unknown()).nullish(),
});

export const configFileSchema = z.looseObject({
  model_list: z.array(modelEntrySchema).nullish(),
  general_settings: z
    .looseObject({
      master_key: z.coerce.string().min(1, 'must not be empty').optional(),
      database_url: z.string().min(1, 'must not be empty').optional(),
      max_request_size_mb: z.coerce.number().positive().optional(),
      // LiteLLM's alerting channels; "webhook" is the one acted on (soft-budget alerts).
      alerting: z.array(z.string()).nullish(),
      alerting_webhook_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
      alerting_webhook_allow_private: flag.optional(),
    })
    .nullish(),
  // The router's own schemas, so router_settings and litellm_settings are validated once, where they are read.
  litellm_settings: litellmRoutingSettingsSchema.extend({ drop_params: flag.optional() }).nullish(),
  router_settings: routerSettingsSchema.nullish(),
  environment_variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullish(),
  // The packages' own schemas: LiteLLM's shapes, validated where they are defined.
  mcp_servers: mcpServersConfigSchema.nullish(),
  a2a_agents: a2aAgentsConfigSchema.nullish(),
});

export type DeploymentParams = z.infer<typeof deploymentParamsSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;
