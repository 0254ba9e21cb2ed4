import { toSwitchyardError, type ToolCall, type ToolMessage } from '@switchyard/core';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpBridge, McpCallOptions } from '../bridge/mcp-bridge.js';
import { openAINameIndex } from './mcp-tools-to-openai-tools.js';
import { toolResultToText } from './tool-result-to-text.js';

export interface ExecuteToolCallsOptions extends McpCallOptions {
  /** The MCP tools offered to the model, to map sanitised function names back (names are used as-is otherwise). */
  tools?: readonly Tool[] | undefined;
}

/** One executed tool call: the message for the model, and the MCP result or the error. */
export interface McpToolCallOutcome {
  toolCall: ToolCall;
  /** The namespaced MCP tool name that ran (or was refused). */
  name: string;
  arguments: Record<string, unknown> | undefined;
  message: ToolMessage;
  result?: CallToolResult | undefined;
  error?: { message: string; reason?: string | undefined } | undefined;
}

function parseArguments(raw: string): Record<string, unknown> | undefined {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function executeOne(bridge: McpBridge, toolCall: ToolCall, index: Map<string, string>, options: McpCallOptions) {
  const name = index.get(toolCall.function.name) ?? toolCall.function.name;
  const args = parseArguments(toolCall.function.arguments);
  const reply = (content: string): ToolMessage => ({ role: 'tool', tool_call_id: toolCall.id, content });
  if (args === undefined) {
    const message = `Error: the arguments of ${toolCall.function.name} are not a JSON object.`;
    return { toolCall, name, arguments: args, message: reply(message), error: { message, reason: 'invalid_arguments' } };
  }
  try {
    const result = await bridge.callTool(name, args, options);
    return { toolCall, name, arguments: args, message: reply(toolResultToText(result)), result };
  } catch (error) {
    const known = toSwitchyardError(error);
    const reason = (known as { reason?: string }).reason ?? known.kind;
    return { toolCall, name, arguments: args, message: reply(`Error: ${known.message}`), error: { message: known.message, reason } };
  }
}

/**
 * Runs a model's tool calls through the bridge (concurrently, in the caller's access) and returns one outcome per
 * call, in order. Failures become `Error: ...` tool messages so the model can react; nothing throws per call.
 */
export async function executeOpenAIToolCallsDetailed(
  bridge: McpBridge,
  toolCalls: readonly ToolCall[],
  options: ExecuteToolCallsOptions = {},
): Promise<McpToolCallOutcome[]> {
  const { tools, ...callOptions } = options;
  const index = openAINameIndex(tools ?? []);
  return Promise.all(toolCalls.map((toolCall) => executeOne(bridge, toolCall, index, callOptions)));
}

/** Runs a model's tool calls through the bridge and returns the `role: "tool"` messages, in order. */
export async function executeOpenAIToolCalls(
  bridge: McpBridge,
  toolCalls: readonly ToolCall[],
  options: ExecuteToolCallsOptions = {},
): Promise<ToolMessage[]> {
  const outcomes = await executeOpenAIToolCallsDetailed(bridge, toolCalls, options);
  return outcomes.map((outcome) => outcome.message);
}
