import type { ChatCompletionRequest } from '@switchyard/core';
import type { BedrockInferenceConfig } from './bedrock-api.js';
import type { BedrockModelFamily } from './bedrock-model-id.js';
import { rejectUnlessDropped } from './bedrock-unsupported.js';

/** The room left for the answer when thinking is on and the client set no max_tokens. */
export const thinkingAnswerTokens = 4096;

export interface SamplingOptions {
  family: BedrockModelFamily;
  dropParams: boolean;
  thinkingBudget: number | undefined;
}

export interface Sampling {
  inferenceConfig: BedrockInferenceConfig | undefined;
  /** Entries for `additionalModelRequestFields` (top_k). */
  fields: Record<string, unknown>;
}

function stopSequences(stop: ChatCompletionRequest['stop']): string[] | undefined {
  if (stop === undefined || stop === null) return undefined;
  const list = (typeof stop === 'string' ? [stop] : stop).filter((entry) => entry !== '');
  return list.length > 0 ? list : undefined;
}

/** OpenAI parameters Converse has no equivalent for: each is dropped or rejected per dropParams. */
function checkUnsupported(request: ChatCompletionRequest, dropParams: boolean): void {
  const unsupported: Array<[string, boolean]> = [
    ['presence_penalty', request.presence_penalty != null],
    ['frequency_penalty', request.frequency_penalty != null],
    ['logit_bias', request.logit_bias != null],
    ['logprobs', request.logprobs === true],
    ['top_logprobs', request.top_logprobs != null],
    ['seed', request.seed != null],
    ['n', request.n != null && request.n !== 1],
    ['parallel_tool_calls', request.parallel_tool_calls === false],
  ];
  for (const [param, present] of unsupported) {
    if (present) rejectUnlessDropped(param, `Bedrock Converse does not support ${param}.`, dropParams);
  }
}

function topKFields(request: ChatCompletionRequest, options: SamplingOptions): Record<string, unknown> {
  const topK = request['top_k'];
  if (topK === undefined || topK === null) return {};
  if (options.family === 'anthropic') return { top_k: topK };
  if (options.family === 'nova') return { inferenceConfig: { topK } };
  rejectUnlessDropped('top_k', 'This Bedrock model takes no top_k.', options.dropParams);
  return {};
}

/**
 * Sampling parameters → `inferenceConfig`: max_completion_tokens (or max_tokens) → maxTokens, temperature,
 * top_p → topP, stop → stopSequences (empty strings removed); top_k goes to `additionalModelRequestFields` for
 * Anthropic (`top_k`) and Nova (`inferenceConfig.topK`). With an Anthropic thinking budget and no max_tokens,
 * maxTokens becomes the budget plus 4096, since Bedrock requires maxTokens above the budget.
 */
export function samplingFor(request: ChatCompletionRequest, options: SamplingOptions): Sampling {
  checkUnsupported(request, options.dropParams);
  let maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  if (maxTokens === undefined && options.thinkingBudget !== undefined) maxTokens = options.thinkingBudget + thinkingAnswerTokens;
  const stop = stopSequences(request.stop);
  const config: BedrockInferenceConfig = {
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { topP: request.top_p }),
    ...(stop === undefined ? {} : { stopSequences: stop }),
  };
  return { inferenceConfig: Object.keys(config).length > 0 ? config : undefined, fields: topKFields(request, options) };
}
