import type { FunctionTool } from '@switchyard/core';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { cleanInputSchema } from './clean-input-schema.js';
import { openAIToolName } from './openai-tool-name.js';

/**
 * MCP tools (namespaced by the bridge) as OpenAI function tools: `{type: "function", function: {name,
 * description, parameters, strict: false}}`, as LiteLLM's `transform_mcp_tool_to_openai_tool` builds them.
 */
export function mcpToolsToOpenAITools(tools: readonly Tool[]): FunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: openAIToolName(tool.name),
      description: tool.description ?? '',
      parameters: cleanInputSchema(tool.inputSchema),
      strict: false,
    },
  }));
}

/** Maps the function names a model may call back to the namespaced MCP tool names. */
export function openAINameIndex(tools: readonly Tool[]): Map<string, string> {
  return new Map(tools.map((tool) => [openAIToolName(tool.name), tool.name]));
}
