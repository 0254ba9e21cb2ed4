import { SwitchyardError } from '@switchyard/core';

type JsonObject = Record<string, unknown>;

/** Keys of Gemini's Schema (an OpenAPI 3.0 subset) that pass through unchanged. */
const passThroughKeys = [
  'title',
  'description',
  'default',
  'example',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'minProperties',
  'maxProperties',
] as const;

/** The `format` values Gemini accepts, per type; any other format is dropped. */
const formatsByType: Readonly<Record<string, readonly string[]>> = {
  string: ['enum', 'date-time'],
  number: ['float', 'double'],
  integer: ['int32', 'int64'],
};

const maxDepth = 48;

export interface CleanSchemaOptions {
  /** Where the schema came from, for error messages: "tools[0].function.parameters". */
  param: string;
  /** Adds `propertyOrdering` (the order of `properties`) to objects, so structured output keeps key order. */
  propertyOrdering?: boolean;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class SchemaCleaner {
  readonly #definitions: JsonObject;
  readonly #options: CleanSchemaOptions;

  constructor(root: JsonObject, options: CleanSchemaOptions) {
    this.#definitions = { ...(isObject(root['definitions']) ? root['definitions'] : {}), ...(isObject(root['$defs']) ? root['$defs'] : {}) };
    this.#options = options;
  }

  fail(message: string): never {
    throw new SwitchyardError('bad_request', `${this.#options.param}: ${message}`, { param: this.#options.param });
  }

  clean(schema: unknown, depth: number, refs: readonly string[]): JsonObject {
    if (depth > maxDepth) this.fail(`the schema is nested more than ${maxDepth} levels deep`);
    if (schema === true || schema === undefined) return {};
    if (!isObject(schema)) this.fail('every schema must be an object');
    if (typeof schema['$ref'] === 'string') return this.#resolve(schema, depth, refs);
    const result: JsonObject = {};
    for (const key of passThroughKeys) if (schema[key] !== undefined) result[key] = schema[key];
    this.#type(schema, result, depth, refs);
    this.#enum(schema, result);
    if (isObject(schema['properties'])) this.#properties(schema, result, depth, refs);
    if (schema['items'] !== undefined) result['items'] = this.#items(schema['items'], depth, refs);
    if (Array.isArray(schema['allOf'])) this.#mergeAllOf(schema['allOf'], result, depth, refs);
    return result;
  }

  #resolve(schema: JsonObject, depth: number, refs: readonly string[]): JsonObject {
    const ref = schema['$ref'] as string;
    const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
    const name = match?.[1];
    if (name === undefined || !(name in this.#definitions)) this.fail(`unsupported or unknown $ref "${ref}"`);
    if (refs.includes(name)) this.fail(`the schema refers to itself through "${ref}"; Gemini needs a non-recursive schema`);
    const { $ref: _ref, ...siblings } = schema;
    const resolved = this.clean(this.#definitions[name], depth + 1, [...refs, name]);
    return { ...resolved, ...this.clean(siblings, depth + 1, refs) };
  }

  #type(schema: JsonObject, result: JsonObject, depth: number, refs: readonly string[]): void {
    const union = [schema['anyOf'], schema['oneOf']].find(Array.isArray) as unknown[] | undefined;
    if (union) {
      this.#union(union, result, depth, refs);
      return;
    }
    const type = schema['type'];
    const types = Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
    if (typeof type === 'string') result['type'] = type;
    else if (types.length > 0) {
      const nonNull = types.filter((entry) => entry !== 'null');
      if (nonNull.length < types.length) result['nullable'] = true;
      if (nonNull.length === 1) result['type'] = nonNull[0];
      else if (nonNull.length > 1) result['anyOf'] = nonNull.map((entry) => ({ type: entry }));
      else result['type'] = 'null';
    }
    const format = schema['format'];
    const allowed = typeof result['type'] === 'string' ? formatsByType[result['type']] : undefined;
    if (typeof format === 'string' && allowed?.includes(format)) result['format'] = format;
    if (schema['nullable'] === true) result['nullable'] = true;
  }

  #union(members: unknown[], result: JsonObject, depth: number, refs: readonly string[]): void {
    const nonNull = members.filter((member) => !(isObject(member) && member['type'] === 'null'));
    if (nonNull.length < members.length) result['nullable'] = true;
    const cleaned = nonNull.map((member) => this.clean(member, depth + 1, refs));
    if (cleaned.length === 1) Object.assign(result, cleaned[0], result['nullable'] ? { nullable: true } : {});
    else if (cleaned.length > 1) result['anyOf'] = cleaned;
  }

  #enum(schema: JsonObject, result: JsonObject): void {
    // Gemini accepts string enums only; a non-string enum or const is dropped rather than retyped.
    const values = Array.isArray(schema['enum']) ? schema['enum'] : schema['const'] !== undefined ? [schema['const']] : undefined;
    if (!values) return;
    const strings = values.filter((value): value is string => typeof value === 'string');
    if (strings.length === 0 || strings.length < values.filter((value) => value !== null).length) return;
    result['enum'] = strings;
    result['type'] ??= 'string';
    if (values.includes(null)) result['nullable'] = true;
  }

  #properties(schema: JsonObject, result: JsonObject, depth: number, refs: readonly string[]): void {
    const properties: JsonObject = {};
    for (const [name, value] of Object.entries(schema['properties'] as JsonObject)) {
      Object.defineProperty(properties, name, { value: this.clean(value, depth + 1, refs), enumerable: true, writable: true, configurable: true });
    }
    result['properties'] = properties;
    result['type'] ??= 'object';
    const names = Object.keys(properties);
    if (Array.isArray(schema['required'])) {
      const required = schema['required'].filter((name): name is string => typeof name === 'string' && names.includes(name));
      if (required.length > 0) result['required'] = required;
    }
    if (this.#options.propertyOrdering && names.length > 0) result['propertyOrdering'] = names;
  }

  #items(items: unknown, depth: number, refs: readonly string[]): JsonObject {
    if (!Array.isArray(items)) return this.clean(items, depth + 1, refs);
    const cleaned = items.map((item) => this.clean(item, depth + 1, refs));
    return cleaned.length === 1 ? (cleaned[0] as JsonObject) : { anyOf: cleaned };
  }

  #mergeAllOf(members: unknown[], result: JsonObject, depth: number, refs: readonly string[]): void {
    for (const member of members) {
      const cleaned = this.clean(member, depth + 1, refs);
      const properties = { ...(result['properties'] as JsonObject | undefined), ...(cleaned['properties'] as JsonObject | undefined) };
      const required = [...((result['required'] as string[] | undefined) ?? []), ...((cleaned['required'] as string[] | undefined) ?? [])];
      Object.assign(result, { ...cleaned, ...result });
      if (Object.keys(properties).length > 0) result['properties'] = properties;
      if (required.length > 0) result['required'] = [...new Set(required)];
    }
  }
}

/**
 * Cleans a JSON Schema into the OpenAPI 3.0 subset Gemini accepts: `$ref`s are inlined, type unions and
 * `anyOf`/`oneOf` with null become `nullable`, `oneOf` becomes `anyOf`, `allOf` is merged, `const` becomes a
 * one-value enum, and keys Gemini rejects (`additionalProperties`, `$schema`, `strict`, unsupported formats,
 * `exclusiveMinimum`, ...) are dropped. A recursive or malformed schema is a bad request naming `param`.
 */
export function cleanGoogleSchema(schema: unknown, options: CleanSchemaOptions): JsonObject {
  if (!isObject(schema)) {
    throw new SwitchyardError('bad_request', `${options.param}: the schema must be a JSON object`, { param: options.param });
  }
  return new SchemaCleaner(schema, options).clean(schema, 0, []);
}

/** Whether a cleaned schema is an object with no properties (Gemini rejects those as function parameters). */
export function isEmptyObjectSchema(schema: JsonObject): boolean {
  const properties = schema['properties'];
  return schema['type'] === 'object' && (!isObject(properties) || Object.keys(properties).length === 0);
}
