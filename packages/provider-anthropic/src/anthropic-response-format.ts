import type { ResponseFormat } from '@switchyard/core';
import type { AnthropicTool } from './anthropic-api.js';
import { toStructuredOutputSchema, toToolInputSchema } from './anthropic-json-schema.js';
import type { AnthropicModelTraits } from './anthropic-models.js';

/** How a `response_format` asking for JSON is carried out. */
export type JsonAnswerPlan =
  | { mode: 'none' }
  /** Native structured output: `output_config.format`; the JSON arrives as text. */
  | { mode: 'native'; format: { type: 'json_schema'; schema: Record<string, unknown> } }
  /** A tool the model is made to call; its input is the JSON, returned as message content. */
  | { mode: 'tool'; tool: AnthropicTool; toolName: string };

function freeToolName(taken: ReadonlySet<string>): string {
  if (!taken.has('json')) return 'json';
  for (let suffix = 1; ; suffix++) if (!taken.has(`json_${suffix}`)) return `json_${suffix}`;
}

/**
 * Plans JSON output: a `json_schema` format uses native structured output where the model has it and a forced
 * tool where it does not; `json_object` (no schema to enforce) always uses the tool with an open object schema.
 */
export function planJsonAnswer(
  responseFormat: ResponseFormat | undefined,
  traits: AnthropicModelTraits,
  toolNames: ReadonlySet<string>,
): JsonAnswerPlan {
  if (!responseFormat || responseFormat.type === 'text') return { mode: 'none' };
  if (responseFormat.type === 'json_schema') {
    const schema = responseFormat.json_schema.schema ?? { type: 'object' };
    if (traits.structuredOutput) return { mode: 'native', format: { type: 'json_schema', schema: toStructuredOutputSchema(schema) } };
    const toolName = freeToolName(toolNames);
    const description = responseFormat.json_schema.description ?? `Respond with a JSON object (${responseFormat.json_schema.name}).`;
    const inputSchema = toToolInputSchema(schema, 'response_format.json_schema.schema');
    return { mode: 'tool', toolName, tool: { name: toolName, description, input_schema: inputSchema } };
  }
  const toolName = freeToolName(toolNames);
  return {
    mode: 'tool',
    toolName,
    tool: { name: toolName, description: 'Respond with a JSON object.', input_schema: { type: 'object', additionalProperties: true } },
  };
}
