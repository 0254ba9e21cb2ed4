import type { ChatCompletionRequest, ChatTool } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useUpstreamCapture, userRequest } from './anthropic-capture.test-utils.js';

const upstream = useUpstreamCapture();
const model = 'claude-sonnet-4-5-20250929';

const weather: ChatTool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const clock: ChatTool = { type: 'function', function: { name: 'clock' } };

function withTools(extra: Partial<ChatCompletionRequest>): ChatCompletionRequest {
  return userRequest(model, { tools: [weather, clock], ...extra });
}

describe('tools', () => {
  it('sends function tools with an object input_schema, an empty one when there are no parameters', async () => {
    const { body } = await upstream.send(withTools({}));
    expect(body.tools).toEqual([
      {
        name: 'weather',
        description: 'Weather for a city',
        input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
      { name: 'clock', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(body.tool_choice).toBeUndefined();
  });

  it('passes cache_control on a tool through', async () => {
    const cached = { ...weather, cache_control: { type: 'ephemeral' } } as ChatTool;
    const { body } = await upstream.send(userRequest(model, { tools: [cached] }));
    expect((body.tools as Array<Record<string, unknown>>)[0]?.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('adds "type": "object" to a schema that has properties but no type', async () => {
    const untyped: ChatTool = { type: 'function', function: { name: 'f', parameters: { properties: { a: { type: 'number' } } } } };
    const { body } = await upstream.send(userRequest(model, { tools: [untyped] }));
    expect((body.tools as Array<Record<string, unknown>>)[0]?.input_schema).toEqual({ type: 'object', properties: { a: { type: 'number' } } });
  });

  it.each([
    [{ anyOf: [{ type: 'object' }, { type: 'string' }] }, 'Anthropic tool schemas cannot use anyOf at the top level.'],
    [{ type: 'array', items: { type: 'string' } }, 'Anthropic tool schemas must describe an object ("type": "object").'],
  ])('refuses the tool schema %j', async (parameters, message) => {
    const tool: ChatTool = { type: 'function', function: { name: 'f', parameters } };
    const error = await upstream.refuse(userRequest(model, { tools: [tool] }));
    expect(error.message).toBe(message);
    expect(error.param).toBe('tools[0].function.parameters');
  });

  it("passes Anthropic's dated tools through and adds the beta they need", async () => {
    const codeExecution = { type: 'code_execution_20250825', name: 'code_execution' } as ChatTool;
    const webSearch = { type: 'web_search_20250305', name: 'web_search', max_uses: 3 } as ChatTool;
    const { body, headers } = await upstream.send(userRequest(model, { tools: [codeExecution, webSearch] }));
    expect(body.tools).toEqual([
      { type: 'code_execution_20250825', name: 'code_execution' },
      { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
    ]);
    expect(headers['anthropic-beta']).toBe('code-execution-2025-08-25');
  });

  it('turns a remote MCP tool into an MCP server with its authorization and allowed tools', async () => {
    const mcp = {
      type: 'mcp',
      server_label: 'docs',
      server_url: 'https://mcp.example.com',
      authorization: 'token-1',
      allowed_tools: ['search'],
    } as ChatTool;
    const { body } = await upstream.send(userRequest(model, { tools: [mcp] }));
    expect(body.mcp_servers).toEqual([
      {
        type: 'url',
        url: 'https://mcp.example.com',
        name: 'docs',
        authorization_token: 'token-1',
        tool_configuration: { enabled: true, allowed_tools: ['search'] },
      },
    ]);
  });

  it('refuses tool types it cannot translate and duplicate names', async () => {
    const unknown = await upstream.refuse(userRequest(model, { tools: [{ type: 'file_search' } as ChatTool] }));
    expect(unknown.message).toBe('Anthropic does not support tools of type file_search.');
    expect(unknown.param).toBe('tools[0].type');
    const duplicate = await upstream.refuse(userRequest(model, { tools: [weather, weather] }));
    expect(duplicate.param).toBe('tools[1].function.name');
  });
});

describe('tool_choice and parallel_tool_calls', () => {
  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [{ type: 'function', function: { name: 'weather' } }, { type: 'tool', name: 'weather' }],
  ] as const)('maps tool_choice %j to %j', async (choice, expected) => {
    const { body } = await upstream.send(withTools({ tool_choice: choice as ChatCompletionRequest['tool_choice'] }));
    expect(body.tool_choice).toEqual(expected);
  });

  it('maps parallel_tool_calls: false to disable_parallel_tool_use, with or without a tool_choice', async () => {
    const withChoice = await upstream.send(withTools({ tool_choice: 'required', parallel_tool_calls: false }));
    expect(withChoice.body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    const withoutChoice = await upstream.send(withTools({ parallel_tool_calls: false }));
    expect(withoutChoice.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
  });

  it('refuses a named tool_choice that is not one of the tools', async () => {
    const error = await upstream.refuse(withTools({ tool_choice: { type: 'function', function: { name: 'missing' } } }));
    expect(error.message).toBe('tool_choice names missing, which is not one of the tools.');
    expect(error.param).toBe('tool_choice');
  });

  it('does not send tool_choice without tools', async () => {
    const { body } = await upstream.send(userRequest(model, { tool_choice: 'required' }));
    expect(body.tool_choice).toBeUndefined();
    expect(body.tools).toBeUndefined();
  });

  it('refuses forcing a tool while thinking is enabled', async () => {
    const error = await upstream.refuse(withTools({ tool_choice: 'required', thinking: { type: 'enabled', budget_tokens: 2000 } }));
    expect(error.param).toBe('tool_choice');
  });
});
