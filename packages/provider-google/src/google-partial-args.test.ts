import { SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { PartialArgsBuilder, parseJsonPath } from './google-partial-args.js';

describe('parseJsonPath', () => {
  it('reads dotted names, indexes and quoted names', () => {
    expect(parseJsonPath('$.operations[0].action')).toEqual(['operations', 0, 'action']);
    expect(parseJsonPath(`$['a b']["c\\"d"]`)).toEqual(['a b', 'c"d']);
  });

  it('rejects a path that does not start at the root or cannot be followed', () => {
    expect(() => parseJsonPath('a.b')).toThrow(SwitchyardError);
    expect(() => parseJsonPath('$.a..b')).toThrow(/cannot follow/);
  });
});

describe('PartialArgsBuilder', () => {
  it('joins a string streamed over several partials', () => {
    const builder = new PartialArgsBuilder();
    builder.apply({ jsonPath: '$.location', stringValue: 'San Fran', willContinue: true });
    builder.apply({ jsonPath: '$.location', stringValue: 'cisco', willContinue: true });
    builder.apply({ jsonPath: '$.location', stringValue: '' });
    expect(JSON.parse(builder.json())).toEqual({ location: 'San Francisco' });
  });

  it('builds nested arrays of objects with numbers, booleans and nulls', () => {
    const builder = new PartialArgsBuilder();
    builder.apply({ jsonPath: '$.operations[0].action', stringValue: 'add', willContinue: true });
    builder.apply({ jsonPath: '$.operations[0].action', stringValue: '' });
    builder.apply({ jsonPath: '$.operations[0].price', numberValue: 0.5 });
    builder.apply({ jsonPath: '$.operations[1].action', stringValue: 'remove' });
    builder.apply({ jsonPath: '$.operations[1].done', boolValue: true });
    builder.apply({ jsonPath: '$.note', nullValue: 'NULL_VALUE' });
    expect(JSON.parse(builder.json())).toEqual({
      operations: [
        { action: 'add', price: 0.5 },
        { action: 'remove', done: true },
      ],
      note: null,
    });
  });

  it('starts a new string when the previous one did not continue', () => {
    const builder = new PartialArgsBuilder({ tag: 'old' });
    builder.apply({ jsonPath: '$.tag', stringValue: 'new' });
    builder.apply({ jsonPath: '$.tag', stringValue: 'er' });
    expect(JSON.parse(builder.json())).toEqual({ tag: 'er' });
  });

  it('refuses an array index that skips elements', () => {
    const builder = new PartialArgsBuilder();
    expect(() => builder.apply({ jsonPath: '$.list[1000000000]', numberValue: 1 })).toThrow(/skips elements/);
  });

  it('refuses a partial without a value', () => {
    expect(() => new PartialArgsBuilder().apply({ jsonPath: '$.a' })).toThrow(/has no value/);
  });

  it('keeps __proto__ as a plain key', () => {
    const builder = new PartialArgsBuilder();
    builder.apply({ jsonPath: '$.__proto__', stringValue: 'x' });
    expect(builder.json()).toBe('{"__proto__":"x"}');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
