import { describe, expect, it } from 'vitest';
import { checkedWithExtra, defined, FormValueError, nameList, optionalNumber, optionalText } from './form-values';

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('form values', () => {
  it('reads text and numbers, empty meaning unset', () => {
    const data = form([['a', '  x '], ['b', ''], ['n', '2.5'], ['bad', 'abc'], ['neg', '-1'], ['frac', '1.5']]);
    expect([optionalText(data, 'a'), optionalText(data, 'b'), optionalText(data, 'missing')]).toEqual(['x', undefined, undefined]);
    expect([optionalNumber(data, 'n', 'N'), optionalNumber(data, 'b', 'B')]).toEqual([2.5, undefined]);
    expect(() => optionalNumber(data, 'bad', 'Max budget')).toThrow('Max budget must be a number of 0 or more.');
    expect(() => optionalNumber(data, 'neg', 'Neg')).toThrow(FormValueError);
    expect(() => optionalNumber(data, 'frac', 'Requests per minute', { integer: true })).toThrow('whole number');
  });

  it('merges checked boxes with typed names, without repeats', () => {
    expect(nameList(' a, b\nc,, a ')).toEqual(['a', 'b', 'c']);
    expect(checkedWithExtra(form([['m', 'gpt'], ['m', 'claude'], ['m_extra', 'openai/*, gpt']]), 'm', 'm_extra')).toEqual(['gpt', 'claude', 'openai/*']);
  });

  it('drops undefined entries only', () => {
    expect(defined({ a: 1, b: undefined, c: null, d: 0 })).toEqual({ a: 1, c: null, d: 0 });
  });
});
