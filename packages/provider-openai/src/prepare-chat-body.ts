import { SwitchyardError, type ChatCompletionRequest } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './preset-types.js';

export interface ParamRules {
  unsupported: Set<string>;
  renames: Map<string, string>;
  omit: Set<string>;
}

/** The parameter rules that apply to one model of a preset (vendor rules plus matching model rules). */
export function paramRulesFor(preset: OpenAICompatiblePreset, model: string): ParamRules {
  const quirks = preset.quirks ?? {};
  const rules: ParamRules = {
    unsupported: new Set(quirks.unsupportedParams),
    renames: new Map(Object.entries(quirks.renameParams ?? {})),
    omit: new Set(quirks.omitParams),
  };
  for (const rule of quirks.modelRules ?? []) {
    if (!rule.models.test(model)) continue;
    for (const param of rule.unsupportedParams ?? []) rules.unsupported.add(param);
    for (const [from, to] of Object.entries(rule.renameParams ?? {})) rules.renames.set(from, to);
  }
  return rules;
}

export interface PreparedBody {
  body: Record<string, unknown>;
  /** Parameters removed because the vendor does not support them and `dropParams` was on. */
  dropped: string[];
}

export interface PrepareOptions {
  stream: boolean;
  dropParams: boolean;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Builds the upstream request body: the canonical request with the vendor's renames applied and its unsupported
 * parameters dropped (with `dropParams`) or rejected with a bad_request naming the parameter.
 */
export function prepareChatBody(
  preset: OpenAICompatiblePreset,
  request: ChatCompletionRequest,
  options: PrepareOptions,
): PreparedBody {
  const body: Record<string, unknown> = { ...request };
  if (options.stream) body.stream = true;
  else {
    delete body.stream;
    delete body.stream_options;
  }
  const rules = paramRulesFor(preset, request.model);
  for (const param of rules.omit) delete body[param];
  for (const [from, to] of rules.renames) {
    if (!(from in body)) continue;
    if (isSet(body[from]) && !isSet(body[to])) body[to] = body[from];
    delete body[from];
  }
  const dropped: string[] = [];
  for (const param of rules.unsupported) {
    if (!(param in body)) continue;
    if (isSet(body[param]) && !options.dropParams) {
      throw new SwitchyardError(
        'bad_request',
        `${preset.id} does not support the parameter '${param}' for model '${request.model}'. Remove it, or enable drop_params to drop it.`,
        { param, code: 'unsupported_parameter', provider: preset.id },
      );
    }
    if (isSet(body[param])) dropped.push(param);
    delete body[param];
  }
  return { body, dropped };
}
