import { SwitchyardError, type ChatCompletionRequest, type ChatTool, type FunctionTool } from '@switchyard/core';
import type { BedrockCachePoint, BedrockToolChoice, BedrockToolConfig, BedrockToolSpec } from './bedrock-api.js';
import { jsonModeFor } from './bedrock-json-mode.js';
import { rejectUnlessDropped } from './bedrock-unsupported.js';

export interface PrepareToolsOptions {
  dropParams: boolean;
  /** Anthropic rejects a forced tool choice while thinking, so JSON mode then leaves the choice to the model. */
  thinkingEnabled: boolean;
}

export interface PreparedTools {
  toolConfig: BedrockToolConfig | undefined;
  /** The JSON-mode tool's name when `response_format` asked for JSON. */
  jsonToolName: string | undefined;
}

const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;
const metaKeywords = ['$schema', '$id'];

/**
 * Cleans a JSON schema for `inputSchema.json`: a missing or non-object schema becomes an empty object schema,
 * a schema without `type` gets `type: "object"`, and the top-level `$schema`/`$id` meta keywords are removed
 * (they describe the document, not the arguments). Everything else, `$defs` included, passes unchanged.
 */
export function cleanInputSchema(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { type: 'object', properties: {} };
  const cleaned: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  for (const keyword of metaKeywords) delete cleaned[keyword];
  if (cleaned['type'] === undefined) cleaned['type'] = 'object';
  return cleaned;
}

function isFunctionTool(tool: ChatTool): tool is FunctionTool {
  return tool.type === 'function' && 'function' in tool;
}

function toolSpec(tool: FunctionTool, index: number): BedrockToolSpec {
  const { name, description, parameters } = tool.function;
  if (!toolNamePattern.test(name)) {
    throw new SwitchyardError('bad_request', 'Bedrock tool names must be 1 to 64 letters, digits, "_" or "-".', {
      param: `tools[${index}].function.name`,
    });
  }
  return {
    toolSpec: {
      name,
      ...(description ? { description } : {}),
      inputSchema: { json: cleanInputSchema(parameters) },
    },
  };
}

function hasCacheControl(tool: ChatTool): boolean {
  const own = (tool as { cache_control?: unknown }).cache_control;
  const nested = (tool as { function?: { cache_control?: unknown } }).function?.cache_control;
  return (own ?? nested ?? null) !== null;
}

function clientTools(request: ChatCompletionRequest, dropParams: boolean): { tools: Array<BedrockToolSpec | BedrockCachePoint>; names: Set<string> } {
  const tools: Array<BedrockToolSpec | BedrockCachePoint> = [];
  const names = new Set<string>();
  for (const [index, tool] of (request.tools ?? []).entries()) {
    if (!isFunctionTool(tool)) {
      rejectUnlessDropped(`tools[${index}]`, `Bedrock Converse supports function tools only, not "${tool.type}".`, dropParams);
      continue;
    }
    tools.push(toolSpec(tool, index));
    names.add(tool.function.name);
    if (hasCacheControl(tool)) tools.push({ cachePoint: { type: 'default' } });
  }
  return { tools, names };
}

/** tool_choice → Converse toolChoice; `null` means "drop the tools" (none, allowed by dropParams). */
function mapToolChoice(request: ChatCompletionRequest, names: ReadonlySet<string>, dropParams: boolean): BedrockToolChoice | undefined | null {
  const choice = request.tool_choice;
  if (choice === undefined) return undefined;
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  if (choice === 'none') {
    return rejectUnlessDropped('tool_choice', 'Bedrock Converse has no tool_choice "none".', dropParams) || null;
  }
  const name = choice.type === 'function' ? (choice as { function?: { name?: unknown } }).function?.name : undefined;
  if (typeof name !== 'string') {
    throw new SwitchyardError('bad_request', `Bedrock does not support tool_choice type "${choice.type}".`, { param: 'tool_choice' });
  }
  if (!names.has(name)) {
    throw new SwitchyardError('bad_request', `tool_choice names "${name}", which is not among the tools.`, { param: 'tool_choice' });
  }
  return { tool: { name } };
}

/**
 * Builds `toolConfig`: function tools as toolSpecs (a `cachePoint` after a tool marked `cache_control`),
 * tool_choice auto → `{auto:{}}`, required → `{any:{}}`, a named function → `{tool:{name}}`, none → the tools
 * are dropped (dropParams) or the request is rejected. JSON mode adds its tool and forces a tool call: that tool
 * when it is the only one, any tool when client tools are present too (the model may call them first).
 */
export function prepareBedrockTools(request: ChatCompletionRequest, options: PrepareToolsOptions): PreparedTools {
  const client = clientTools(request, options.dropParams);
  let toolChoice = client.tools.length > 0 ? mapToolChoice(request, client.names, options.dropParams) : undefined;
  if (toolChoice === null) {
    client.tools.length = 0;
    client.names.clear();
    toolChoice = undefined;
  }
  const jsonMode = jsonModeFor(request, client.names);
  if (jsonMode) {
    const onlyJsonTool = client.tools.length === 0;
    client.tools.push(jsonMode.tool);
    if (!options.thinkingEnabled) toolChoice = onlyJsonTool ? { tool: { name: jsonMode.toolName } } : { any: {} };
  }
  if (client.tools.length === 0) return { toolConfig: undefined, jsonToolName: undefined };
  return {
    toolConfig: { tools: client.tools, ...(toolChoice === undefined ? {} : { toolChoice }) },
    jsonToolName: jsonMode?.toolName,
  };
}
