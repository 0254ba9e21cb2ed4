import type { ChatCompletionRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { cleanInputSchema, prepareBedrockTools } from './bedrock-prepare-tools.js';

const base: ChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'x' }] };
const tool = (name: string) => ({ type: 'function' as const, function: { name } });
const json = { type: 'json_object' as const };
const options = { dropParams: false, thinkingEnabled: false };

describe('prepareBedrockTools', () => {
  it('sends no toolConfig without tools or JSON mode, and ignores tool_choice then', () => {
    expect(prepareBedrockTools({ ...base, tool_choice: 'required' }, options)).toEqual({ toolConfig: undefined, jsonToolName: undefined });
  });

  it('names the JSON tool json_tool_call when a client tool is already called json', () => {
    const prepared = prepareBedrockTools({ ...base, tools: [tool('json')], response_format: json }, options);
    expect(prepared.jsonToolName).toBe('json_tool_call');
    expect(prepared.toolConfig?.toolChoice).toEqual({ any: {} });
  });

  it('does not force the JSON tool while Anthropic thinking is on', () => {
    const prepared = prepareBedrockTools({ ...base, response_format: json }, { ...options, thinkingEnabled: true });
    expect(prepared.toolConfig).toEqual({ tools: [{ toolSpec: { name: 'json', description: 'Respond with a JSON object.', inputSchema: { json: { type: 'object' } } } }] });
  });

  it('rejects tool names Bedrock refuses, a tool_choice naming an unknown tool, and non-function tools', () => {
    expect(() => prepareBedrockTools({ ...base, tools: [tool('has space')] }, options)).toThrow(/1 to 64 letters/);
    expect(() => prepareBedrockTools({ ...base, tools: [tool('a')], tool_choice: { type: 'function', function: { name: 'b' } } }, options)).toThrow(/not among the tools/);
    expect(() => prepareBedrockTools({ ...base, tools: [{ type: 'mcp', server_url: 'https://x' }] }, options)).toThrow(/function tools only/);
  });

  it('drops non-function tools with dropParams', () => {
    const prepared = prepareBedrockTools({ ...base, tools: [{ type: 'mcp' }, tool('a')] }, { ...options, dropParams: true });
    expect(prepared.toolConfig?.tools).toEqual([{ toolSpec: { name: 'a', inputSchema: { json: { type: 'object', properties: {} } } } }]);
  });
});

describe('cleanInputSchema', () => {
  it('keeps $defs and nested keywords, removes top-level $schema and $id, adds type object when absent', () => {
    const schema = { $schema: 'x', $id: 'y', $defs: { a: { type: 'string' } }, properties: { b: { $ref: '#/$defs/a' } } };
    expect(cleanInputSchema(schema)).toEqual({ $defs: { a: { type: 'string' } }, properties: { b: { $ref: '#/$defs/a' } }, type: 'object' });
    expect(cleanInputSchema(undefined)).toEqual({ type: 'object', properties: {} });
    expect(cleanInputSchema(['not', 'a', 'schema'])).toEqual({ type: 'object', properties: {} });
  });
});
