import type { ChatCompletionRequest } from '@switchyard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { McpBridge } from '../bridge/mcp-bridge.js';
import { everythingStdio, memoryStdio } from '../testing/mcp-peers.js';
import { completion, recordingModel, toolCall } from '../test-support/recording-model.js';
import { mcpToolsToOpenAITools } from './mcp-tools-to-openai-tools.js';
import { runMcpToolLoop } from './run-mcp-tool-loop.js';
import { toolResultToText } from './tool-result-to-text.js';

const memory = memoryStdio();
const bridge = McpBridge.create({ everything: everythingStdio(), memory: memory.config });

afterAll(async () => {
  await bridge.close();
  memory.cleanup();
});

const everythingTool = { type: 'mcp', server_label: 'everything', server_url: 'litellm_proxy/mcp/everything' };

function chat(tools: ChatCompletionRequest['tools']): ChatCompletionRequest {
  return { model: 'fake-model', messages: [{ role: 'user', content: 'What is 2 + 3?' }], tools };
}

function lastMessage(request: ChatCompletionRequest) {
  return request.messages[request.messages.length - 1];
}

describe('runMcpToolLoop with a recording fake model', () => {
  it('offers the MCP tools as functions, runs the call, and sends the result back to the model', async () => {
    const model = recordingModel((request, iteration) => {
      if (iteration === 1) return completion({ toolCalls: [toolCall('call_1', 'everything-get-sum', { a: 2, b: 3 })] });
      return completion({ content: `Result was: ${String(lastMessage(request)?.content)}` });
    });
    const result = await runMcpToolLoop({
      bridge,
      request: chat([{ ...everythingTool, require_approval: 'never' }]),
      callModel: model.callModel,
    });

    const expectedTools = mcpToolsToOpenAITools(await bridge.listTools({ allowedServers: ['everything'] }));
    expect(model.requests[0]?.tools).toEqual(expectedTools);
    for (const tool of expectedTools) expect(tool.function.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    const expectedText = toolResultToText(await bridge.callTool('everything-get-sum', { a: 2, b: 3 }));
    expect(lastMessage(model.requests[1]!)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: expectedText });
    expect(model.requests[1]?.messages[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1' }] });

    expect(result.stoppedBy).toBe('answer');
    expect(result.modelCalls).toBe(2);
    const message = result.completion.choices[0]!.message;
    expect(message.content).toBe(`Result was: ${expectedText}`);
    const fields = message['provider_specific_fields'] as Record<string, unknown[]>;
    expect(fields['mcp_list_tools']?.length).toBe(expectedTools.length);
    expect(fields['mcp_tool_calls']).toEqual([toolCall('call_1', 'everything-get-sum', { a: 2, b: 3 })]);
    expect(fields['mcp_call_results']).toMatchObject([{ tool_call_id: 'call_1', name: 'everything-get-sum' }]);
  });

  it('forces a tool call on the first model call only', async () => {
    const model = recordingModel((_request, iteration) =>
      iteration === 1 ? completion({ toolCalls: [toolCall('call_1', 'everything-echo', { message: 'hi' })] }) : completion({ content: 'done' }),
    );
    const request = { ...chat([{ ...everythingTool, require_approval: 'never' }]), tool_choice: 'required' as const, temperature: 0 };
    const result = await runMcpToolLoop({ bridge, request, callModel: model.callModel });
    expect(result.stoppedBy).toBe('answer');
    expect(model.requests[0]).toMatchObject({ tool_choice: 'required', temperature: 0 });
    expect(model.requests[1]).not.toHaveProperty('tool_choice');
    expect(model.requests[1]).toMatchObject({ temperature: 0 });
  });

  it('stops at maxIterations when the model keeps asking for tools', async () => {
    const model = recordingModel((_request, iteration) =>
      completion({ toolCalls: [toolCall(`call_${iteration}`, 'everything-echo', { message: `round ${iteration}` })] }),
    );
    const result = await runMcpToolLoop({
      bridge,
      request: chat([{ ...everythingTool, require_approval: 'never' }]),
      callModel: model.callModel,
      maxIterations: 3,
    });
    expect(model.requests.length).toBe(3);
    expect(result.stoppedBy).toBe('max_iterations');
    expect(result.toolCalls.map((call) => call.message.content)).toEqual(['Echo: round 1', 'Echo: round 2']);
  });

  it('returns calls that need approval to the client without running them', async () => {
    const entity = { name: `unapproved_${process.pid}`, entityType: 'test', observations: [] };
    const model = recordingModel(() =>
      completion({ toolCalls: [toolCall('call_1', 'memory-create_entities', { entities: [entity] })] }),
    );
    const result = await runMcpToolLoop({
      bridge,
      request: chat([{ type: 'mcp', server_url: 'litellm_proxy/mcp/memory' }]),
      callModel: model.callModel,
    });
    expect(result.stoppedBy).toBe('approval_required');
    expect(result.toolCalls).toEqual([]);
    expect(result.completion.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('memory-create_entities');
    const graph = await bridge.callTool('memory-read_graph', {});
    expect(JSON.stringify(graph)).not.toContain(entity.name);
  });

  it('hands calls of the client’s own functions back, and honours allowed_tools', async () => {
    const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } };
    const model = recordingModel(() => completion({ toolCalls: [toolCall('call_1', 'get_weather', {})] }));
    const result = await runMcpToolLoop({
      bridge,
      request: chat([weather, { ...everythingTool, allowed_tools: ['echo'], require_approval: 'never' }]),
      callModel: model.callModel,
    });
    expect(result.stoppedBy).toBe('client_tools');
    expect(model.requests[0]?.tools?.map((tool) => (tool as typeof weather).function.name)).toEqual([
      'get_weather',
      'everything-echo',
    ]);
  });

  it('tells the model about bad arguments instead of failing the request', async () => {
    const model = recordingModel((request, iteration) =>
      iteration === 1
        ? completion({ toolCalls: [toolCall('call_1', 'everything-get-sum', '{not json')] })
        : completion({ content: String(lastMessage(request)?.content) }),
    );
    const result = await runMcpToolLoop({
      bridge,
      request: chat([{ ...everythingTool, require_approval: 'never' }]),
      callModel: model.callModel,
    });
    expect(result.completion.choices[0]?.message.content).toMatch(/^Error: the arguments of everything-get-sum/);
    expect(result.toolCalls[0]?.error?.reason).toBe('invalid_arguments');
  });

  it('never offers a server the key lacks', async () => {
    const model = recordingModel(() => completion({ content: 'unused' }));
    const attempt = runMcpToolLoop({
      bridge,
      request: chat([{ ...everythingTool, require_approval: 'never' }]),
      callModel: model.callModel,
      access: { allowedServers: ['memory'] },
    });
    await expect(attempt).rejects.toMatchObject({ status: 403 });
    expect(model.requests).toEqual([]);
  });
});
