import type { ChatCompletion, ChatCompletionRequest, ChatMessage, ChatTool, ToolCall } from '@switchyard/core';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpAccess } from '../bridge/mcp-access.js';
import type { McpBridge, McpCallOptions } from '../bridge/mcp-bridge.js';
import { executeOpenAIToolCallsDetailed, type McpToolCallOutcome } from './execute-openai-tool-calls.js';
import { isMcpChatTool, selectMcpTools, type McpToolSelection } from './mcp-chat-tools.js';
import { mcpToolsToOpenAITools, openAINameIndex } from './mcp-tools-to-openai-tools.js';

export interface McpToolLoopOptions {
  bridge: McpBridge;
  /** The client's request; its `{type: "mcp"}` tools are replaced by the MCP tools they select. */
  request: ChatCompletionRequest;
  /** Calls the model (through the router, with logging and limits): one call per iteration. */
  callModel: (request: ChatCompletionRequest, iteration: number) => Promise<ChatCompletion>;
  /** The key's access; every `{type: "mcp"}` entry only narrows it. */
  access?: McpAccess;
  /** Model calls at most (default 10). When the last one still asks for tools, it is returned unexecuted. */
  maxIterations?: number;
  /** Overrides each entry's `require_approval`. */
  requireApproval?: 'never' | 'always';
  signal?: AbortSignal;
  /** The client's headers (for `extra_headers` forwarding). */
  headers?: McpCallOptions['headers'];
}

export interface McpToolLoopResult {
  /** The last model answer, with `provider_specific_fields.mcp_*` on its first choice's message. */
  completion: ChatCompletion;
  /**
   * - `answer`: the model answered without calling tools.
   * - `approval_required`: the model asked for MCP tools that need approval; they are returned to the client.
   * - `client_tools`: the model called one of the client's own function tools; returned to the client.
   * - `max_iterations`: the model was still calling tools at the cap.
   */
  stoppedBy: 'answer' | 'approval_required' | 'client_tools' | 'max_iterations';
  modelCalls: number;
  /** The MCP tools offered to the model (`mcp_list_tools`). */
  tools: Tool[];
  /** Every tool call executed, in order, with its result or error. */
  toolCalls: McpToolCallOutcome[];
}

async function offeredTools(bridge: McpBridge, selections: McpToolSelection[], options: McpCallOptions) {
  const lists = await Promise.all(selections.map((selection) => bridge.listTools({ ...options, ...selection.access })));
  const byName = new Map<string, { tool: Tool; selection: McpToolSelection }>();
  lists.forEach((tools, index) => {
    for (const tool of tools) if (!byName.has(tool.name)) byName.set(tool.name, { tool, selection: selections[index]! });
  });
  return byName;
}

function withMetadata(completion: ChatCompletion, tools: Tool[], calls: McpToolCallOutcome[]): ChatCompletion {
  const [first, ...rest] = completion.choices;
  if (!first) return completion;
  const fields = {
    mcp_list_tools: tools,
    mcp_tool_calls: calls.map((call) => call.toolCall),
    mcp_call_results: calls.map((call) => ({
      tool_call_id: call.toolCall.id,
      name: call.name,
      ...(call.result === undefined ? {} : { result: call.result }),
      ...(call.error === undefined ? {} : { error: call.error }),
    })),
  };
  const existing = (first.message['provider_specific_fields'] ?? {}) as Record<string, unknown>;
  const message = { ...first.message, provider_specific_fields: { ...existing, ...fields } };
  return { ...completion, choices: [{ ...first, message }, ...rest] };
}

function forcesToolCall(choice: ChatCompletionRequest['tool_choice']): boolean {
  return choice === 'required' || (typeof choice === 'object' && choice !== null);
}

/**
 * Runs a chat request carrying `tools: [{type: "mcp", ...}]`: offers the selected MCP tools to the model as
 * functions, executes the calls the model makes (when they need no approval) and calls the model again, at most
 * `maxIterations` times. Calls that need approval, and calls of the client's own functions, go back to the client.
 */
export async function runMcpToolLoop(options: McpToolLoopOptions): Promise<McpToolLoopResult> {
  const { bridge, request, callModel } = options;
  const maxIterations = Math.max(1, options.maxIterations ?? 10);
  const callOptions: McpCallOptions = { ...options.access, signal: options.signal, headers: options.headers };
  const mcpEntries = (request.tools ?? []).filter(isMcpChatTool);
  const clientTools = (request.tools ?? []).filter((tool: ChatTool) => !isMcpChatTool(tool));
  const selections = mcpEntries.map((entry) => selectMcpTools(bridge, entry, options.access ?? {}, options.requireApproval));
  const offered = await offeredTools(bridge, selections, callOptions);
  const tools = [...offered.values()].map((item) => item.tool);
  const names = openAINameIndex(tools);
  const allTools = [...clientTools, ...mcpToolsToOpenAITools(tools)];
  const { tools: _requested, ...rest } = request;
  const messages: ChatMessage[] = [...request.messages];
  const executed: McpToolCallOutcome[] = [];
  const finish = (completion: ChatCompletion, stoppedBy: McpToolLoopResult['stoppedBy'], modelCalls: number) => ({
    completion: withMetadata(completion, tools, executed),
    stoppedBy,
    modelCalls,
    tools,
    toolCalls: executed,
  });

  const { tool_choice: toolChoice, ...unforced } = rest;
  for (let iteration = 1; ; iteration += 1) {
    // A forced tool choice applies to the first call only: forced on every round, the model could never answer.
    const base = iteration > 1 && forcesToolCall(toolChoice) ? unforced : rest;
    const modelRequest = { ...base, messages: [...messages], ...(allTools.length > 0 ? { tools: allTools } : {}) };
    const completion = await callModel(modelRequest, iteration);
    const message = completion.choices[0]?.message;
    const toolCalls: ToolCall[] = message?.tool_calls ?? [];
    if (toolCalls.length === 0) return finish(completion, 'answer', iteration);
    const mcpName = (call: ToolCall) => names.get(call.function.name);
    if (toolCalls.some((call) => mcpName(call) === undefined)) return finish(completion, 'client_tools', iteration);
    const approval = toolCalls.some((call) => offered.get(mcpName(call)!)!.selection.needsApproval(mcpName(call)!));
    if (approval) return finish(completion, 'approval_required', iteration);
    if (iteration >= maxIterations) return finish(completion, 'max_iterations', iteration);

    const outcomes = await Promise.all(
      toolCalls.map(async (call) => {
        const selection = offered.get(mcpName(call)!)!.selection;
        const [outcome] = await executeOpenAIToolCallsDetailed(bridge, [call], { ...callOptions, ...selection.access, tools });
        return outcome!;
      }),
    );
    executed.push(...outcomes);
    messages.push({ role: 'assistant', content: message?.content ?? null, tool_calls: toolCalls });
    messages.push(...outcomes.map((outcome) => outcome.message));
  }
}
