import type { ChatCompletionRequest } from '@switchyard/core';
import type { MediaContext } from './convert-google-media.js';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import type { GoogleGenerateContentRequest, GoogleGenerationConfig } from './google-api.js';
import { prepareGoogleTools } from './google-prepare-tools.js';
import { cleanGoogleSchema } from './google-schema-cleaner.js';
import { googleThinkingStyle, resolveGoogleThinking } from './google-thinking.js';
import { unsupportedParamReporter, type ReportUnsupported } from './google-unsupported-param.js';

export interface BuildGoogleRequestOptions extends MediaContext {
  /** The upstream model id, which decides how thinking is configured. */
  model: string;
  /** Drop parameters Gemini cannot honour instead of rejecting the request. */
  dropParams: boolean;
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/** OpenAI parameters without a Gemini counterpart, and why. */
function reportUnsupportedParams(request: ChatCompletionRequest, report: ReportUnsupported): void {
  if (isPresent(request.logit_bias)) report('logit_bias', 'Gemini has no token biasing');
  if (request.logprobs === true) report('logprobs', 'log probabilities are not translated from Gemini');
  if (isPresent(request.top_logprobs)) report('top_logprobs', 'log probabilities are not translated from Gemini');
  if (isPresent(request['prediction'])) report('prediction', 'Gemini has no predicted outputs');
  if (isPresent(request['audio'])) report('audio', 'audio output is not translated from Gemini');
}

function samplingConfig(request: ChatCompletionRequest): GoogleGenerationConfig {
  const config: GoogleGenerationConfig = {};
  if (isPresent(request.temperature)) config.temperature = request.temperature;
  if (isPresent(request.top_p)) config.topP = request.top_p;
  if (typeof request['top_k'] === 'number') config.topK = request['top_k'];
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (isPresent(maxTokens)) config.maxOutputTokens = maxTokens;
  if (isPresent(request.stop)) config.stopSequences = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (isPresent(request.n)) config.candidateCount = request.n;
  if (isPresent(request.seed)) config.seed = request.seed;
  if (isPresent(request.presence_penalty)) config.presencePenalty = request.presence_penalty;
  if (isPresent(request.frequency_penalty)) config.frequencyPenalty = request.frequency_penalty;
  return config;
}

/** json_object asks for JSON; json_schema also constrains it with the (cleaned) schema. The JSON comes back as text. */
function responseFormatConfig(request: ChatCompletionRequest): GoogleGenerationConfig {
  const format = request.response_format;
  if (!format || format.type === 'text') return {};
  if (format.type === 'json_object') return { responseMimeType: 'application/json' };
  const schema = format.json_schema.schema;
  if (schema === undefined) return { responseMimeType: 'application/json' };
  const responseSchema = cleanGoogleSchema(schema, { param: 'response_format.json_schema.schema', propertyOrdering: true });
  return { responseMimeType: 'application/json', responseSchema };
}

function thinkingConfig(request: ChatCompletionRequest, model: string, report: ReportUnsupported): GoogleGenerationConfig {
  const resolution = resolveGoogleThinking(request, model);
  if (resolution.kind === 'config') return { thinkingConfig: resolution.thinkingConfig };
  if (resolution.kind === 'unsupported') report(resolution.param, `the model ${model} does not think`);
  return {};
}

/** Gemini settings LiteLLM accepts under its own names, passed through. */
function passThroughSettings(request: ChatCompletionRequest): Partial<GoogleGenerateContentRequest> {
  const result: Partial<GoogleGenerateContentRequest> = {};
  const safety = request['safety_settings'];
  if (Array.isArray(safety)) result.safetySettings = safety;
  const cached = request['cached_content'];
  if (typeof cached === 'string' && cached !== '') result.cachedContent = cached;
  return result;
}

/** Translates an OpenAI chat request into a Gemini generateContent body. */
export async function buildGoogleRequest(
  request: ChatCompletionRequest,
  options: BuildGoogleRequestOptions,
): Promise<GoogleGenerateContentRequest> {
  const report = unsupportedParamReporter(options.dropParams);
  reportUnsupportedParams(request, report);
  const generationConfig: GoogleGenerationConfig = {
    ...samplingConfig(request),
    ...responseFormatConfig(request),
    ...thinkingConfig(request, options.model, report),
  };
  const tools = prepareGoogleTools(request, report);
  const prompt = await convertToGoogleContents(request.messages, {
    policy: options.policy,
    signal: options.signal,
    requireCallSignatures: googleThinkingStyle(options.model) === 'level',
  });
  const body: GoogleGenerateContentRequest = { ...prompt, ...tools, ...passThroughSettings(request) };
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return body;
}
