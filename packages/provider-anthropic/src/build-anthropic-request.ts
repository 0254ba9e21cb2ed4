import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import type { AnthropicRequestBody, AnthropicTool, AnthropicToolChoice } from './anthropic-api.js';
import type { AnthropicConfig } from './anthropic-config.js';
import type { ConversionContext } from './anthropic-content-parts.js';
import { anthropicModelTraits } from './anthropic-models.js';
import { prepareAnthropicTools, type PreparedTools } from './anthropic-prepare-tools.js';
import { planJsonAnswer, type JsonAnswerPlan } from './anthropic-response-format.js';
import { mapSamplingParams } from './anthropic-sampling.js';
import { planThinking, resolveMaxTokens, type ThinkingPlan } from './anthropic-thinking.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

export interface PreparedAnthropicRequest {
  body: AnthropicRequestBody;
  /** `anthropic-beta` values the request's features need. */
  betas: string[];
  /** The tool that carries a `response_format` answer, when one was added. */
  jsonToolName: string | undefined;
}

function jsonToolChoice(plan: Extract<JsonAnswerPlan, { mode: 'tool' }>, tools: PreparedTools, thinking: boolean): AnthropicToolChoice {
  const userChoice = tools.toolChoice;
  if (userChoice?.type === 'tool') return userChoice;
  // Forcing a tool is refused while thinking; the model is left to call it.
  if (thinking) return { type: 'auto' };
  if (tools.tools.length > 0 && userChoice?.type !== 'none') return { type: 'any', disable_parallel_tool_use: true };
  return { type: 'tool', name: plan.toolName, disable_parallel_tool_use: true };
}

function toolFields(tools: PreparedTools, json: JsonAnswerPlan, thinking: ThinkingPlan): Pick<AnthropicRequestBody, 'tools' | 'tool_choice'> {
  if (json.mode === 'tool') {
    const all: AnthropicTool[] = [...tools.tools, json.tool];
    return { tools: all, tool_choice: jsonToolChoice(json, tools, thinking.active) };
  }
  if (tools.tools.length === 0) return {};
  const choice = tools.toolChoice;
  if (thinking.active && (choice?.type === 'any' || choice?.type === 'tool')) {
    throw new SwitchyardError('bad_request', 'Anthropic cannot force a tool call while thinking is enabled; use tool_choice "auto".', {
      param: 'tool_choice',
    });
  }
  return { tools: tools.tools, ...(choice ? { tool_choice: choice } : {}) };
}

function outputConfig(thinking: ThinkingPlan, json: JsonAnswerPlan): Pick<AnthropicRequestBody, 'output_config'> {
  const format = json.mode === 'native' ? json.format : undefined;
  if (!thinking.effort && !format) return {};
  return { output_config: { ...(thinking.effort ? { effort: thinking.effort } : {}), ...(format ? { format } : {}) } };
}

/**
 * Translates an OpenAI chat request into a Messages API request body. Parameters are checked before any image is
 * downloaded, so a request the model would refuse fails fast.
 */
export async function buildAnthropicRequest(
  request: ChatCompletionRequest,
  config: AnthropicConfig,
  stream: boolean,
): Promise<PreparedAnthropicRequest> {
  const traits = anthropicModelTraits(request.model);
  const thinking = planThinking(request, traits, config.dropParams);
  const sampling = mapSamplingParams(request, { traits, thinking: thinking.active, dropParams: config.dropParams });
  const tools = prepareAnthropicTools(request);
  const json = planJsonAnswer(request.response_format, traits, tools.functionNames);
  const tooling = toolFields(tools, json, thinking);
  const maxTokens = resolveMaxTokens(request, thinking, traits, config.defaultMaxTokens);
  const context: ConversionContext = { media: config.media, pending: [], betas: new Set(tools.betas) };
  const prompt = await convertToAnthropicMessages(request.messages, context);
  const body: AnthropicRequestBody = {
    model: request.model,
    max_tokens: maxTokens,
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: prompt.messages,
    ...sampling,
    ...tooling,
    ...(thinking.thinking ? { thinking: thinking.thinking } : {}),
    ...outputConfig(thinking, json),
    ...(tools.mcpServers.length > 0 ? { mcp_servers: tools.mcpServers } : {}),
    ...(stream ? { stream: true as const } : {}),
  };
  return { body, betas: [...context.betas], jsonToolName: json.mode === 'tool' ? json.toolName : undefined };
}
