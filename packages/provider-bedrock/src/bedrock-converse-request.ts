import type { ChatCompletionRequest } from '@switchyard/core';
import type { BedrockConverseRequest } from './bedrock-api.js';
import { samplingFor } from './bedrock-inference-config.js';
import { modelFamily } from './bedrock-model-id.js';
import { prepareBedrockTools } from './bedrock-prepare-tools.js';
import { reasoningFields } from './bedrock-reasoning.js';
import { convertToBedrockMessages, type ConvertMessagesOptions } from './convert-to-bedrock-messages.js';

export interface ConverseRequestOptions extends ConvertMessagesOptions {
  /** The Bedrock model id (route prefix already removed). */
  modelId: string;
  dropParams: boolean;
}

export interface BuiltConverseRequest {
  body: BedrockConverseRequest;
  /** Set in JSON mode: the name of the tool whose input is the answer. */
  jsonToolName: string | undefined;
}

/** Translates an OpenAI chat request into a Converse (or ConverseStream) request body. */
export async function buildConverseRequest(request: ChatCompletionRequest, options: ConverseRequestOptions): Promise<BuiltConverseRequest> {
  const family = modelFamily(options.modelId);
  const reasoning = reasoningFields(request, family, options.dropParams);
  const sampling = samplingFor(request, { family, dropParams: options.dropParams, thinkingBudget: reasoning.budgetTokens });
  const tools = prepareBedrockTools(request, { dropParams: options.dropParams, thinkingEnabled: reasoning.thinkingEnabled });
  const { system, messages } = await convertToBedrockMessages(request.messages, options);
  const additional = { ...sampling.fields, ...reasoning.fields };
  const body: BedrockConverseRequest = {
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(sampling.inferenceConfig ? { inferenceConfig: sampling.inferenceConfig } : {}),
    ...(tools.toolConfig ? { toolConfig: tools.toolConfig } : {}),
    ...(Object.keys(additional).length > 0 ? { additionalModelRequestFields: additional } : {}),
  };
  return { body, jsonToolName: tools.jsonToolName };
}
