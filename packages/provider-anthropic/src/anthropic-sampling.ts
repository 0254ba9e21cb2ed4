import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import type { AnthropicRequestBody } from './anthropic-api.js';
import type { AnthropicModelTraits } from './anthropic-models.js';

export type SamplingFields = Pick<AnthropicRequestBody, 'temperature' | 'top_p' | 'top_k' | 'stop_sequences' | 'metadata'>;

interface SamplingContext {
  traits: AnthropicModelTraits;
  /** Thinking is on: temperature and top_k must stay neutral, top_p at 0.95 or above. */
  thinking: boolean;
  dropParams: boolean;
}

/** OpenAI parameters the Messages API has no equivalent for, with the value that means "not used". */
const unsupportedParams: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ['frequency_penalty', (value) => value === 0],
  ['presence_penalty', (value) => value === 0],
  ['logit_bias', (value) => typeof value === 'object' && value !== null && Object.keys(value).length === 0],
  ['logprobs', (value) => value === false],
  ['top_logprobs', (value) => value === 0],
  ['seed', () => false],
  ['n', (value) => value === 1],
  ['audio', () => false],
  ['prediction', () => false],
  ['modalities', (value) => Array.isArray(value) && value.every((entry) => entry === 'text')],
];

/** Throws bad_request naming the parameter, unless dropParams says to leave it out. */
function refuse(param: string, message: string, dropParams: boolean): undefined {
  if (dropParams) return undefined;
  throw new SwitchyardError('bad_request', message, { param, code: 'unsupported_parameter' });
}

function checkUnsupported(request: ChatCompletionRequest, dropParams: boolean): void {
  const fields = request as Record<string, unknown>;
  for (const [param, isNeutral] of unsupportedParams) {
    const value = fields[param];
    if (value === undefined || value === null || isNeutral(value)) continue;
    refuse(param, `Anthropic does not support ${param}.`, dropParams);
  }
}

function temperature(value: number | null | undefined, context: SamplingContext): number | undefined {
  if (value == null) return undefined;
  if (value > 1) return refuse('temperature', 'Anthropic accepts a temperature between 0 and 1.', context.dropParams);
  if (!context.traits.rejectsSampling && !context.thinking) return value;
  // Only the neutral value is accepted there; leaving it out means the same.
  if (value === 1) return undefined;
  const why = context.thinking ? 'while thinking is enabled' : 'by this model';
  return refuse('temperature', `temperature other than 1 is not supported ${why}.`, context.dropParams);
}

function topP(value: number | null | undefined, context: SamplingContext): number | undefined {
  if (value == null) return undefined;
  if (context.traits.rejectsSampling) {
    if (value >= 0.99) return undefined;
    return refuse('top_p', 'top_p below 0.99 is not supported by this model.', context.dropParams);
  }
  if (context.thinking && value < 0.95) {
    return refuse('top_p', 'top_p below 0.95 is not supported while thinking is enabled.', context.dropParams);
  }
  return value;
}

function topK(value: unknown, context: SamplingContext): number | undefined {
  if (typeof value !== 'number') return undefined;
  if (context.traits.rejectsSampling || context.thinking) {
    return refuse('top_k', 'top_k is not supported by this model or while thinking is enabled.', context.dropParams);
  }
  return value;
}

function stopSequences(stop: ChatCompletionRequest['stop'], dropParams: boolean): string[] | undefined {
  if (stop == null) return undefined;
  const sequences = typeof stop === 'string' ? [stop] : stop;
  const kept = sequences.filter((sequence) => sequence.trim() !== '');
  if (kept.length !== sequences.length) refuse('stop', 'Anthropic does not accept empty or whitespace-only stop sequences.', dropParams);
  return kept.length > 0 ? kept : undefined;
}

/** `user` becomes `metadata.user_id`, unless it looks like an e-mail address or a phone number (no PII upstream). */
function userMetadata(user: string | undefined): { user_id: string } | undefined {
  if (!user || user.includes('@') || /^\+?[\d\s().-]{7,}$/.test(user)) return undefined;
  return { user_id: user };
}

/**
 * Maps sampling parameters, leaving out or refusing (per dropParams) what the model would answer 400 on: a
 * temperature above 1, non-neutral sampling on models after Claude Opus 4.6 or while thinking, temperature
 * together with top_p where the model forbids it, and OpenAI-only parameters.
 */
export function mapSamplingParams(request: ChatCompletionRequest, context: SamplingContext): SamplingFields {
  checkUnsupported(request, context.dropParams);
  const mappedTemperature = temperature(request.temperature, context);
  let mappedTopP = topP(request.top_p, context);
  if (mappedTemperature !== undefined && mappedTopP !== undefined && context.traits.exclusiveTemperatureAndTopP) {
    mappedTopP = refuse('top_p', 'This model does not accept temperature and top_p together.', context.dropParams);
  }
  const fields: SamplingFields = {};
  const mappedTopK = topK((request as Record<string, unknown>).top_k, context);
  const stop = stopSequences(request.stop, context.dropParams);
  const metadata = userMetadata(request.user);
  if (mappedTemperature !== undefined) fields.temperature = mappedTemperature;
  if (mappedTopP !== undefined) fields.top_p = mappedTopP;
  if (mappedTopK !== undefined) fields.top_k = mappedTopK;
  if (stop) fields.stop_sequences = stop;
  if (metadata) fields.metadata = metadata;
  return fields;
}
