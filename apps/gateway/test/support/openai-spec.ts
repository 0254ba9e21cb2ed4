import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** Schemas extracted from OpenAI's OpenAPI description by scripts/extract-openai-schemas.mjs (committed). */
const schemas = JSON.parse(readFileSync(new URL('../openai-schemas.json', import.meta.url), 'utf8')) as { $id: string };

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(schemas);

export type OpenAISchemaName =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'CreateEmbeddingResponse'
  | 'ListModelsResponse'
  | 'ErrorResponse';

const validators = new Map<OpenAISchemaName, ValidateFunction>();

/** Validates a value against one of OpenAI's response schemas; returns the errors as text, or [] when valid. */
export function specErrors(name: OpenAISchemaName, value: unknown): string[] {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.getSchema(`${schemas.$id}#/$defs/${name}`)!;
    validators.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** The JSON payloads of an SSE body, without the [DONE] sentinel. */
export function sseData(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)) as unknown);
}
