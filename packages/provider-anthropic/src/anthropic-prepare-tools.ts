import { SwitchyardError, type ChatCompletionRequest, type ChatTool, type FunctionTool } from '@switchyard/core';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-api.js';
import { cacheControlOf } from './anthropic-content-parts.js';
import { toToolInputSchema } from './anthropic-json-schema.js';

export interface PreparedTools {
  tools: AnthropicTool[];
  toolChoice: AnthropicToolChoice | undefined;
  mcpServers: Array<Record<string, unknown>>;
  betas: string[];
  /** The names of the function tools, which the caller may call. */
  functionNames: Set<string>;
}

/** Anthropic's own (server-side and client-side) tools are versioned by date: `web_search_20250305`. */
const anthropicToolType = /^[a-z][a-z0-9_]*_\d{8}$/;

const toolBetas = new Map<string, string>([
  ['code_execution_20250522', 'code-execution-2025-05-22'],
  ['code_execution_20250825', 'code-execution-2025-08-25'],
  ['computer_20241022', 'computer-use-2024-10-22'],
  ['computer_20250124', 'computer-use-2025-01-24'],
  ['web_fetch_20250910', 'web-fetch-2025-09-10'],
  ['memory_20250818', 'context-management-2025-06-27'],
]);

function functionTool(tool: FunctionTool, index: number): AnthropicTool {
  const fn = tool.function;
  const cacheControl = cacheControlOf(tool) ?? cacheControlOf(fn);
  return {
    name: fn.name,
    ...(fn.description ? { description: fn.description } : {}),
    input_schema: toToolInputSchema(fn.parameters, `tools[${index}].function.parameters`),
    ...(cacheControl ? { cache_control: cacheControl } : {}),
  };
}

/** An OpenAI Responses-style remote MCP tool becomes an MCP connector server. */
function mcpServer(tool: Record<string, unknown>, index: number): Record<string, unknown> {
  const url = tool.server_url;
  const name = tool.server_label;
  if (typeof url !== 'string' || typeof name !== 'string') {
    throw new SwitchyardError('bad_request', 'An mcp tool needs server_url and server_label.', { param: `tools[${index}]` });
  }
  const allowed = tool.allowed_tools;
  return {
    type: 'url',
    url,
    name,
    ...(typeof tool.authorization === 'string' ? { authorization_token: tool.authorization } : {}),
    ...(Array.isArray(allowed) ? { tool_configuration: { enabled: true, allowed_tools: allowed } } : {}),
  };
}

function isFunctionTool(tool: ChatTool): tool is FunctionTool {
  return tool.type === 'function';
}

function convertTools(tools: readonly ChatTool[]) {
  const prepared: AnthropicTool[] = [];
  const mcpServers: Array<Record<string, unknown>> = [];
  const betas: string[] = [];
  const functionNames = new Set<string>();
  tools.forEach((tool, index) => {
    if (isFunctionTool(tool)) {
      if (functionNames.has(tool.function.name)) {
        throw new SwitchyardError('bad_request', `Two tools are named ${tool.function.name}.`, { param: `tools[${index}].function.name` });
      }
      functionNames.add(tool.function.name);
      prepared.push(functionTool(tool, index));
    } else if (tool.type === 'mcp') {
      mcpServers.push(mcpServer(tool, index));
      betas.push('mcp-client-2025-04-04');
    } else if (anthropicToolType.test(tool.type)) {
      prepared.push({ ...tool });
      const beta = toolBetas.get(tool.type);
      if (beta) betas.push(beta);
    } else {
      throw new SwitchyardError('bad_request', `Anthropic does not support tools of type ${tool.type}.`, { param: `tools[${index}].type` });
    }
  });
  return { tools: prepared, mcpServers, betas, functionNames };
}

function convertToolChoice(request: ChatCompletionRequest, functionNames: Set<string>): AnthropicToolChoice | undefined {
  const choice = request.tool_choice;
  const disableParallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return request.parallel_tool_calls === false ? { type: 'auto', ...disableParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...disableParallel };
  if (choice === 'required') return { type: 'any', ...disableParallel };
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (choice.type !== 'function' || typeof name !== 'string') {
    throw new SwitchyardError('bad_request', `Anthropic does not support tool_choice of type ${choice.type}.`, { param: 'tool_choice' });
  }
  if (!functionNames.has(name)) {
    throw new SwitchyardError('bad_request', `tool_choice names ${name}, which is not one of the tools.`, { param: 'tool_choice' });
  }
  return { type: 'tool', name, ...disableParallel };
}

/**
 * Converts OpenAI tools and tool_choice: function tools get an object `input_schema`, Anthropic's own dated tools
 * pass through, a remote `mcp` tool becomes an MCP server; `required` is `any`, a named function is `tool`, and
 * `parallel_tool_calls: false` is `disable_parallel_tool_use`. Without tools, tool_choice is not sent.
 */
export function prepareAnthropicTools(request: ChatCompletionRequest): PreparedTools {
  const { tools, mcpServers, betas, functionNames } = convertTools(request.tools ?? []);
  const toolChoice = tools.length > 0 ? convertToolChoice(request, functionNames) : undefined;
  return { tools, toolChoice, mcpServers, betas, functionNames };
}
