import type { ChatCompletionRequest } from '@switchyard/core';
import type { BedrockToolSpec } from './bedrock-api.js';

/**
 * JSON mode on Converse: `response_format` json_object/json_schema becomes one extra tool whose input schema is
 * the requested schema, and the model is made to call it. Its input comes back as the message content with
 * finish_reason "stop" (LiteLLM's json_tool_call technique). The tool is named "json", as in the recorded
 * traffic; "json_tool_call" (then "json_response") is used when a client tool already has that name.
 */
export interface JsonMode {
  toolName: string;
  tool: BedrockToolSpec;
}

const candidateNames = ['json', 'json_tool_call', 'json_response'];

export function jsonModeFor(request: ChatCompletionRequest, takenNames: ReadonlySet<string>): JsonMode | undefined {
  const format = request.response_format;
  if (!format || format.type === 'text') return undefined;
  const toolName = candidateNames.find((name) => !takenNames.has(name)) ?? `json_${takenNames.size}`;
  const jsonSchema = format.type === 'json_schema' ? format.json_schema : undefined;
  const schema = jsonSchema?.schema ?? { type: 'object' };
  const description = jsonSchema?.description ?? 'Respond with a JSON object.';
  return { toolName, tool: { toolSpec: { name: toolName, description, inputSchema: { json: schema } } } };
}

export interface AnswerParts<ToolUse extends { name: string }> {
  text: string;
  toolUses: ToolUse[];
}

export interface JsonAnswer<ToolUse> {
  content: string | null;
  toolUses: ToolUse[];
  jsonToolCalled: boolean;
}

/**
 * Applies the JSON-mode rule to a whole answer. When the model called the JSON tool, the content is that tool's
 * input and nothing else (text the model wrote around it was preamble, and the content must parse as JSON);
 * other tool calls it made stay tool calls. Without a JSON tool call the answer is left as it is.
 */
export function resolveJsonAnswer<ToolUse extends { name: string; input: unknown }>(
  answer: AnswerParts<ToolUse>,
  jsonToolName: string | undefined,
): JsonAnswer<ToolUse> {
  const jsonCall = jsonToolName === undefined ? undefined : answer.toolUses.find((use) => use.name === jsonToolName);
  if (!jsonCall) return { content: answer.text === '' ? null : answer.text, toolUses: answer.toolUses, jsonToolCalled: false };
  return {
    content: JSON.stringify(jsonCall.input ?? {}),
    toolUses: answer.toolUses.filter((use) => use.name !== jsonToolName),
    jsonToolCalled: true,
  };
}
