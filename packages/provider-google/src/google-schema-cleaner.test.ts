import { caughtError } from '@switchyard/provider-kit/testing';
import { describe, expect, it } from 'vitest';
import { cleanGoogleSchema, isEmptyObjectSchema } from './google-schema-cleaner.js';

const clean = (schema: unknown, propertyOrdering = false) =>
  cleanGoogleSchema(schema, { param: 'tools[0].function.parameters', propertyOrdering });

const failure = (schema: unknown) => caughtError(() => clean(schema));

describe('cleanGoogleSchema', () => {
  it('drops keys Gemini rejects: additionalProperties, $schema, strict, exclusive bounds', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      strict: true,
      additionalProperties: false,
      properties: { n: { type: 'integer', exclusiveMinimum: 0, minimum: 1, multipleOf: 2 } },
      required: ['n'],
    };
    expect(clean(schema)).toEqual({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'] });
  });

  it('keeps only the formats Gemini supports for the type', () => {
    const schema = {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        mail: { type: 'string', format: 'email' },
        ratio: { type: 'number', format: 'double' },
        id: { type: 'integer', format: 'uuid' },
      },
    };
    expect(clean(schema).properties).toEqual({
      at: { type: 'string', format: 'date-time' },
      mail: { type: 'string' },
      ratio: { type: 'number', format: 'double' },
      id: { type: 'integer' },
    });
  });

  it('turns a type union with null into nullable', () => {
    expect(clean({ type: ['string', 'null'], description: 'd' })).toEqual({ type: 'string', nullable: true, description: 'd' });
  });

  it('turns a union of several types into anyOf', () => {
    expect(clean({ type: ['string', 'number'] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });

  it('turns anyOf with a null member into a nullable schema', () => {
    expect(clean({ anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] })).toEqual({ type: 'string', maxLength: 3, nullable: true });
  });

  it('turns oneOf into anyOf', () => {
    expect(clean({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('inlines $ref from $defs and definitions', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/Point' }, b: { $ref: '#/definitions/Name', description: 'who' } },
      $defs: { Point: { type: 'object', properties: { x: { type: 'number' } }, additionalProperties: false } },
      definitions: { Name: { type: 'string' } },
    };
    expect(clean(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: { x: { type: 'number' } } }, b: { type: 'string', description: 'who' } },
    });
  });

  it('rejects a recursive $ref with a bad_request naming the parameter', () => {
    const error = failure({ type: 'object', properties: { next: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } } });
    expect(error.kind).toBe('bad_request');
    expect(error.param).toBe('tools[0].function.parameters');
    expect(error.message).toContain('refers to itself');
  });

  it('rejects an unknown $ref', () => {
    expect(failure({ $ref: 'https://example.com/schema.json' }).message).toContain('unknown $ref');
  });

  it('rejects a schema nested too deeply instead of overflowing the stack', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < 200; level++) schema = { type: 'array', items: schema };
    expect(failure(schema).message).toContain('nested more than');
  });

  it('rejects a schema that is not an object', () => {
    expect(failure('string').kind).toBe('bad_request');
    expect(failure({ type: 'object', properties: { a: 5 } }).message).toContain('must be an object');
  });

  it('turns a string const into a one-value enum and drops non-string enums', () => {
    expect(clean({ const: 'fixed' })).toEqual({ type: 'string', enum: ['fixed'] });
    expect(clean({ type: 'integer', enum: [1, 2] })).toEqual({ type: 'integer' });
    expect(clean({ type: ['string', 'null'], enum: ['a', null] })).toEqual({ type: 'string', nullable: true, enum: ['a'] });
  });

  it('merges allOf members into one object', () => {
    const schema = { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'number' } }, required: ['b'] }] };
    expect(clean(schema)).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a', 'b'] });
  });

  it('keeps required names that are declared properties only', () => {
    expect(clean({ type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'ghost'] }).required).toEqual(['a']);
  });

  it('cleans array items, and tuple items into anyOf', () => {
    expect(clean({ type: 'array', items: { type: 'string', format: 'uri' } })).toEqual({ type: 'array', items: { type: 'string' } });
    expect(clean({ type: 'array', items: [{ type: 'string' }, { type: 'number' }] }).items).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });

  it('adds propertyOrdering when asked, for structured output', () => {
    const cleaned = clean({ type: 'object', properties: { z: { type: 'string' }, a: { type: 'object', properties: { y: { type: 'string' }, b: { type: 'string' } } } } }, true);
    expect(cleaned.propertyOrdering).toEqual(['z', 'a']);
    expect((cleaned.properties as Record<string, Record<string, unknown>>).a?.propertyOrdering).toEqual(['y', 'b']);
  });

  it('keeps a property named __proto__ as data', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}') as unknown;
    const cleaned = clean(schema);
    expect(JSON.stringify(cleaned)).toBe('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
  });

  it('recognises an object schema with no properties', () => {
    expect(isEmptyObjectSchema(clean({ type: 'object', additionalProperties: false }))).toBe(true);
    expect(isEmptyObjectSchema(clean({ type: 'object', properties: { a: { type: 'string' } } }))).toBe(false);
  });
});
