import type { ChatCompletionRequest, ChatTool } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useCaptureServer } from './google-capture.test-utils.js';

const harness = useCaptureServer();

const lookup: ChatTool = {
  type: 'function',
  function: {
    name: 'lookup',
    description: 'Look something up',
    strict: true,
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: { query: { type: 'string', format: 'uri' }, limit: { type: ['integer', 'null'] } },
      required: ['query', 'limit'],
    },
  },
};
const now: ChatTool = { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } };

const request = (extra: Partial<ChatCompletionRequest>): ChatCompletionRequest => ({
  model: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'Go' }],
  tools: [lookup, now],
  ...extra,
});

describe('tools → functionDeclarations', () => {
  it('declares function tools with schemas cleaned for Gemini', async () => {
    const body = await harness.body(request({}));
    expect(body['tools']).toEqual([
      {
        functionDeclarations: [
          {
            name: 'lookup',
            description: 'Look something up',
            parameters: {
              type: 'object',
              properties: { query: { type: 'string' }, limit: { type: 'integer', nullable: true } },
              required: ['query', 'limit'],
            },
          },
          { name: 'now' },
        ],
      },
    ]);
  });

  it('rejects a tool schema Gemini cannot take, naming the tool', async () => {
    const recursive: ChatTool = {
      type: 'function',
      function: { name: 'tree', parameters: { $ref: '#/$defs/node', $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } } } },
    };
    const error = await harness.rejected(request({ tools: [lookup, recursive] }));
    expect([error.kind, error.param]).toEqual(['bad_request', 'tools[1].function.parameters']);
  });

  it('rejects tools that are not functions unless drop_params is set', async () => {
    const mcp = { type: 'mcp', server_label: 'x' } as ChatTool;
    const error = await harness.rejected(request({ tools: [lookup, mcp] }));
    expect([error.kind, error.param, error.code]).toEqual(['bad_request', 'tools[1]', 'unsupported_parameter']);
    const body = await harness.body(request({ tools: [lookup, mcp] }), { dropParams: true });
    expect((body['tools'] as Array<{ functionDeclarations: unknown[] }>)[0]?.functionDeclarations).toHaveLength(1);
  });
});

describe('tool_choice → functionCallingConfig', () => {
  it.each([
    [undefined, { mode: 'AUTO' }],
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
  ] as const)('maps %s to %j', async (choice, config) => {
    const body = await harness.body(request(choice === undefined ? {} : { tool_choice: choice }));
    expect(body['toolConfig']).toEqual({ functionCallingConfig: config });
  });

  it('maps a named function to ANY limited to that function', async () => {
    const body = await harness.body(request({ tool_choice: { type: 'function', function: { name: 'now' } } }));
    expect(body['toolConfig']).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['now'] } });
  });

  it('rejects a named function that is not among the tools', async () => {
    const error = await harness.rejected(request({ tool_choice: { type: 'function', function: { name: 'ghost' } } }));
    expect([error.kind, error.param]).toEqual(['bad_request', 'tool_choice']);
  });

  it('rejects required without tools, and sends no tool config for auto without tools', async () => {
    const error = await harness.rejected(request({ tools: [], tool_choice: 'required' }));
    expect(error.param).toBe('tool_choice');
    const body = await harness.body(request({ tools: undefined, tool_choice: 'auto' }));
    expect(body['tools']).toBeUndefined();
    expect(body['toolConfig']).toBeUndefined();
  });
});

describe('parallel_tool_calls', () => {
  it('accepts true, which is what Gemini does anyway', async () => {
    expect((await harness.body(request({ parallel_tool_calls: true })))['toolConfig']).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
  });

  it('rejects false unless drop_params is set, since Gemini cannot be limited to one call', async () => {
    const error = await harness.rejected(request({ parallel_tool_calls: false }));
    expect([error.kind, error.param]).toEqual(['bad_request', 'parallel_tool_calls']);
    const body = await harness.body(request({ parallel_tool_calls: false }), { dropParams: true });
    expect(body['parallel_tool_calls']).toBeUndefined();
    expect(body['toolConfig']).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
  });
});
