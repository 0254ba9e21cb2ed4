import { describe, expect, it } from 'vitest';
import { assertJsonContentType, maxJsonDepth, nestsDeeperThan } from './read-json-body.js';

describe('nestsDeeperThan', () => {
  const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

  it('measures arrays and objects alike', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan({ a: { b: { c: 1 } } }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: { b: { c: {} } } }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('lets real requests through and stops a nesting bomb early', () => {
    const request = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a: { type: 'array', items: { type: 'object' } } } } } }] };
    expect(nestsDeeperThan(request, maxJsonDepth)).toBe(false);
    expect(nestsDeeperThan(nested(200_000), maxJsonDepth)).toBe(true);
  });
});

describe('assertJsonContentType', () => {
  it('accepts JSON media types and a missing header, refuses others with 415', () => {
    for (const type of [undefined, '', 'application/json', 'Application/JSON; charset=utf-8', 'application/vnd.api+json']) expect(() => assertJsonContentType(type)).not.toThrow();
    expect(() => assertJsonContentType('text/plain')).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => assertJsonContentType('application/x-www-form-urlencoded')).toThrow('Content-Type: application/json');
  });
});
