/** A generated call of a declared tool, with arguments filled from its JSON schema. */
export interface MockToolCall {
  name: string;
  input: Record<string, unknown>;
  /** `input` as JSON text, as OpenAI and the stream deltas carry it. */
  argumentsJson: string;
}

const maxDepth = 6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Fills every required property of an object schema with a placeholder of its type; `{}` for anything else. */
export function mockToolCall(name: string, schema: unknown): MockToolCall {
  const input = isRecord(schema) ? mockObject(schema, 0) : {};
  return { name, input, argumentsJson: JSON.stringify(input) };
}

function schemaType(schema: Record<string, unknown>): string | undefined {
  const type = Array.isArray(schema['type']) ? schema['type'].find((item) => item !== 'null') : schema['type'];
  // Gemini writes its types in capitals.
  return typeof type === 'string' ? type.toLowerCase() : undefined;
}

function mockValue(schema: unknown, depth: number): unknown {
  if (!isRecord(schema) || depth > maxDepth) return 'mock';
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[0];
  if ('const' in schema) return schema['const'];
  switch (schemaType(schema)) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'null':
      return null;
    case 'object':
      return mockObject(schema, depth + 1);
    case undefined:
      return isRecord(schema['properties']) ? mockObject(schema, depth + 1) : 'mock';
    default:
      return 'mock';
  }
}

function mockObject(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  const result: Record<string, unknown> = {};
  for (const name of required) {
    if (typeof name === 'string') result[name] = mockValue(properties[name], depth);
  }
  return result;
}
