import { describe, expect, it } from 'vitest';
import { keyLimitsFrom } from './key-form-values';

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const everyService: Array<[string, string]> = [
  ['mcp_all', 'on'],
  ['agents_all', 'on'],
];

describe('keyLimitsFrom', () => {
  it('on create, sends only what was filled in', () => {
    const limits = keyLimitsFrom(form([['key_alias', 'ci'], ['max_budget', '5'], ['rpm_limit', '60'], ['models', 'gpt-4o-mini'], ['models_extra', 'openai/*'], ['duration', '30d'], ['budget_duration', ''], ...everyService]), 'create');
    expect(limits).toEqual({ key_alias: 'ci', max_budget: 5, rpm_limit: 60, models: ['gpt-4o-mini', 'openai/*'], duration: '30d' });
  });

  it('on update, clears emptied limits with null and never sends a duration', () => {
    const limits = keyLimitsFrom(form([['key_alias', 'ci'], ['max_budget', '0.5'], ['duration', '30d'], ...everyService]), 'update');
    expect(limits).toEqual({
      key_alias: 'ci',
      models: [],
      max_budget: 0.5,
      soft_budget: null,
      budget_duration: null,
      rpm_limit: null,
      tpm_limit: null,
      max_parallel_requests: null,
      team_id: null,
      user_id: null,
      object_permission: null,
    });
  });

  it('sends the chosen MCP servers and agents when "every" is unchecked', () => {
    const limits = keyLimitsFrom(form([['mcp_servers', 'github'], ['agents_extra', 'echo'], ['agents_all', '']]), 'create');
    expect(limits.object_permission).toEqual({ mcp_servers: ['github'], agents: ['echo'] });
  });

  it('refuses bad numbers and periods with a message naming the field', () => {
    expect(() => keyLimitsFrom(form([['max_budget', 'lots'], ...everyService]), 'create')).toThrow('Max budget must be a number');
    expect(() => keyLimitsFrom(form([['budget_duration', 'monthly'], ...everyService]), 'create')).toThrow('Budget period must look like 30d');
    expect(() => keyLimitsFrom(form([['tpm_limit', '1.5'], ...everyService]), 'create')).toThrow('Tokens per minute must be a whole number');
  });
});
