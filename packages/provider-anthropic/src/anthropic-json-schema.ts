import { SwitchyardError } from '@switchyard/core';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A function's `parameters` as a tool `input_schema`, which must describe an object. No parameters is an object
 * without properties; a root union or a non-object root is refused because the API would refuse it.
 */
export function toToolInputSchema(parameters: Schema | undefined, param: string): Schema {
  if (parameters === undefined) return { type: 'object', properties: {} };
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (keyword in parameters) {
      throw new SwitchyardError('bad_request', `Anthropic tool schemas cannot use ${keyword} at the top level.`, { param });
    }
  }
  if (parameters.type === undefined) return { type: 'object', ...parameters };
  if (parameters.type !== 'object') {
    throw new SwitchyardError('bad_request', 'Anthropic tool schemas must describe an object ("type": "object").', { param });
  }
  return parameters;
}

/** Keywords `output_config.format` schemas accept; structured output validates them strictly. */
const structuredKeywords = new Set([
  '$schema',
  '$ref',
  '$defs',
  'definitions',
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'anyOf',
  'allOf',
  'enum',
  'const',
  'description',
  'title',
  'default',
  'format',
  'minItems',
]);

const supportedFormats = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

function mapValues(value: unknown, convert: (schema: Schema) => Schema): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, isObject(entry) ? convert(entry) : entry]));
}

function describesObject(node: Schema): boolean {
  return node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || 'properties' in node;
}

function keepKeyword(key: string, value: unknown): boolean {
  if (!structuredKeywords.has(key) && key !== 'oneOf') return false;
  if (key === 'format') return typeof value === 'string' && supportedFormats.has(value);
  if (key === 'minItems') return value === 0 || value === 1;
  return true;
}

function sanitizeNode(node: Schema): Schema {
  const result: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keepKeyword(key, value)) continue;
    // oneOf is not accepted; anyOf says the same for the disjoint alternatives schemas use in practice.
    const target = key === 'oneOf' ? 'anyOf' : key;
    if (key === 'properties' || key === '$defs' || key === 'definitions') result[target] = mapValues(value, sanitizeNode);
    else if (key === 'items' || key === 'additionalProperties') result[target] = isObject(value) ? sanitizeNode(value) : value;
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      result[target] = Array.isArray(value) ? value.map((entry) => (isObject(entry) ? sanitizeNode(entry) : entry)) : value;
    } else result[target] = value;
  }
  if (describesObject(result) && !('additionalProperties' in result)) result.additionalProperties = false;
  return result;
}

/**
 * A `response_format.json_schema.schema` as Anthropic's structured-output schema: keywords it does not accept are
 * dropped (they only narrow what is valid; the model still sees the descriptions) and objects are closed.
 */
export function toStructuredOutputSchema(schema: Schema): Schema {
  return sanitizeNode(schema);
}
