import { describe, expect, it } from 'vitest';
import { mcpToolsToOpenAITools, openAINameIndex } from './mcp-tools-to-openai-tools.js';
import { openAIToolName } from './openai-tool-name.js';

describe('mcpToolsToOpenAITools', () => {
  it('builds OpenAI function tools with normalised parameters', () => {
    const tools = mcpToolsToOpenAITools([
      {
        name: 'everything-get-sum',
        description: 'Adds',
        inputSchema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
        },
      },
      { name: 'everything-get-env', inputSchema: { type: 'object' } },
      { name: 'x-open', inputSchema: { type: 'object', properties: {}, additionalProperties: true } },
    ]);
    expect(tools[0]).toEqual({
      type: 'function',
      function: {
        name: 'everything-get-sum',
        description: 'Adds',
        parameters: {
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
          additionalProperties: false,
        },
        strict: false,
      },
    });
    expect(tools[1]?.function).toMatchObject({ description: '', parameters: { type: 'object', properties: {} } });
    expect(tools[2]?.function.parameters).toMatchObject({ additionalProperties: true });
  });

  it('keeps every function name within what OpenAI accepts, distinct, and mapped back', () => {
    const names = ['files-read.file', 'files-read/file', `long-${'x'.repeat(80)}`, `long-${'x'.repeat(81)}`, 'ok-name'];
    const converted = names.map(openAIToolName);
    for (const name of converted) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(new Set(converted).size).toBe(names.length);
    expect(converted[4]).toBe('ok-name');
    const index = openAINameIndex(names.map((name) => ({ name, inputSchema: { type: 'object' as const } })));
    expect(converted.map((name) => index.get(name))).toEqual(names);
  });
});
