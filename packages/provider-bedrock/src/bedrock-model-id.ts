/** The model families whose request fields differ on Converse. */
export type BedrockModelFamily = 'anthropic' | 'nova' | 'openai' | 'other';

/**
 * The Bedrock model id from a Switchyard model name: `bedrock/<id>` reaches the provider as `<id>`, and LiteLLM's
 * `bedrock/converse/<id>` as `converse/<id>`, whose route prefix is dropped here.
 */
export function normalizeModelId(model: string): string {
  return model.startsWith('converse/') ? model.slice('converse/'.length) : model;
}

/**
 * Which family a model id (plain, cross-region `us.`/`global.` prefixed, or an inference-profile ARN naming the
 * model) belongs to. An application inference profile ARN names no model and counts as `other`.
 */
export function modelFamily(modelId: string): BedrockModelFamily {
  const id = modelId.toLowerCase();
  if (id.includes('anthropic.') || id.includes('claude')) return 'anthropic';
  if (id.includes('amazon.nova') || id.includes('.nova-')) return 'nova';
  if (id.includes('openai.')) return 'openai';
  return 'other';
}

/** The runtime path of an operation on a model; the id is one URL path segment (`:` → `%3A`, `/` → `%2F`). */
export function modelPath(modelId: string, operation: 'converse' | 'converse-stream' | 'invoke'): string {
  return `/model/${encodeURIComponent(modelId)}/${operation}`;
}
