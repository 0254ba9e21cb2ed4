import { SwitchyardError, type ChatCompletionChunk, type ChatCompletionDelta, type FinishReason, type Usage } from '@switchyard/core';
import type { GoogleCandidate, GoogleGenerateContentResponse, GoogleResponsePart } from './google-api.js';
import { googleStreamError, googleToolCallFailure } from './google-error.js';
import { PartialArgsBuilder } from './google-partial-args.js';
import { encodeToolCallId } from './google-tool-call-id.js';
import { convertGoogleUsage, hasTokenCounts } from './google-usage.js';
import { mapGoogleFinishReason, toolCallFailureReasons } from './map-google-finish-reason.js';
import { newCompletionId } from './convert-google-response.js';

export interface StreamTranslatorOptions {
  provider: string;
  model: string;
  includeUsage: boolean;
  secrets: readonly string[];
}

type FunctionCallPart = NonNullable<GoogleResponsePart['functionCall']>;

interface CandidateState {
  started: boolean;
  toolCalls: number;
  /** A call whose arguments are still streaming (`willContinue`): its index and the arguments so far. */
  open: { index: number; args: PartialArgsBuilder } | undefined;
  finished: boolean;
}

/**
 * Turns streamGenerateContent events into OpenAI chunks. Text and thoughts become content and reasoning deltas;
 * a whole functionCall becomes a tool-call delta with its id and name followed by one with all its arguments; a
 * call streamed through partialArgs gets its id and name when it starts and its arguments once it ends (at an
 * empty functionCall, a partial without willContinue, the next call, or the finish reason).
 */
export class GoogleStreamTranslator {
  readonly #options: StreamTranslatorOptions;
  readonly #candidates = new Map<number, CandidateState>();
  #id: string | undefined;
  #model: string | undefined;
  readonly #created = Math.floor(Date.now() / 1000);
  #usage: Usage | undefined;
  #blocked = false;

  constructor(options: StreamTranslatorOptions) {
    this.#options = options;
  }

  push(event: GoogleGenerateContentResponse): ChatCompletionChunk[] {
    if (event.error) throw googleStreamError(this.#options.provider, event.error, this.#options.secrets);
    this.#id ??= newCompletionId(event.responseId);
    this.#model ??= event.modelVersion ?? this.#options.model;
    if (hasTokenCounts(event.usageMetadata)) this.#usage = convertGoogleUsage(event.usageMetadata);
    const chunks: ChatCompletionChunk[] = [];
    (event.candidates ?? []).forEach((candidate, position) => chunks.push(...this.#candidate(candidate, position)));
    if (!event.candidates?.length && event.promptFeedback?.blockReason && !this.#blocked) {
      this.#blocked = true;
      chunks.push(this.#chunk(0, { role: 'assistant', content: null }, 'content_filter'));
    }
    return chunks;
  }

  /** Called once the upstream stream ended: the usage chunk, or an error when the answer was cut off. */
  finish(): ChatCompletionChunk[] {
    const states = [...this.#candidates.values()];
    if (!this.#blocked && (states.length === 0 || states.some((state) => !state.finished))) {
      throw new SwitchyardError('upstream_unavailable', `${this.#options.provider} ended the stream before a finish reason`, {
        status: 502,
        provider: this.#options.provider,
      });
    }
    if (!this.#options.includeUsage || !this.#usage) return [];
    return [{ ...this.#envelope(), choices: [], usage: this.#usage }];
  }

  #candidate(candidate: GoogleCandidate, position: number): ChatCompletionChunk[] {
    const index = candidate.index ?? position;
    let state = this.#candidates.get(index);
    if (!state) {
      state = { started: false, toolCalls: 0, open: undefined, finished: false };
      this.#candidates.set(index, state);
    }
    const chunks: ChatCompletionChunk[] = [];
    for (const part of candidate.content?.parts ?? []) {
      for (const delta of this.#part(state, part)) chunks.push(this.#delta(state, index, delta));
    }
    const reason = candidate.finishReason;
    if (reason !== undefined && !state.finished) {
      if (toolCallFailureReasons.has(reason)) throw googleToolCallFailure(this.#options.provider, reason, candidate.finishMessage);
      const closing = this.#close(state);
      if (closing) chunks.push(this.#delta(state, index, closing));
      state.finished = true;
      chunks.push(this.#delta(state, index, {}, mapGoogleFinishReason(reason, state.toolCalls > 0)));
    }
    return chunks;
  }

  #part(state: CandidateState, part: GoogleResponsePart): ChatCompletionDelta[] {
    if (part.functionCall) return this.#functionCall(state, part.functionCall, part.thoughtSignature);
    if (typeof part.text !== 'string') return [];
    const signature = part.thoughtSignature ? { signature: part.thoughtSignature } : {};
    if (part.thought === true) {
      return [{ reasoning_content: part.text, thinking_blocks: [{ type: 'thinking', thinking: part.text, ...signature }] }];
    }
    const deltas: ChatCompletionDelta[] = [];
    if (part.text !== '') deltas.push({ content: part.text });
    if (part.thoughtSignature) deltas.push({ thinking_blocks: [{ type: 'thinking', thinking: '', ...signature }] });
    return deltas;
  }

  #functionCall(state: CandidateState, call: FunctionCallPart, signature: string | undefined): ChatCompletionDelta[] {
    const deltas: ChatCompletionDelta[] = [];
    if (call.name) {
      const closing = this.#close(state);
      if (closing) deltas.push(closing);
      const index = state.toolCalls++;
      const id = encodeToolCallId(call.id, signature);
      deltas.push({ tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }] });
      const args = new PartialArgsBuilder(call.args ?? {});
      for (const partial of call.partialArgs ?? []) args.apply(partial);
      if (call.willContinue) state.open = { index, args };
      else deltas.push({ tool_calls: [{ index, function: { arguments: args.json() } }] });
      return deltas;
    }
    if (!state.open) {
      if (call.partialArgs?.length) throw this.#orphanPartial();
      return deltas;
    }
    for (const partial of call.partialArgs ?? []) state.open.args.apply(partial);
    if (!call.willContinue) {
      const closing = this.#close(state);
      if (closing) deltas.push(closing);
    }
    return deltas;
  }

  #close(state: CandidateState): ChatCompletionDelta | undefined {
    const open = state.open;
    if (!open) return undefined;
    state.open = undefined;
    return { tool_calls: [{ index: open.index, function: { arguments: open.args.json() } }] };
  }

  #orphanPartial(): SwitchyardError {
    const provider = this.#options.provider;
    return new SwitchyardError('upstream_unavailable', `${provider} streamed function arguments without a function call`, { status: 502, provider });
  }

  #delta(state: CandidateState, index: number, delta: ChatCompletionDelta, finishReason: FinishReason | null = null): ChatCompletionChunk {
    const withRole = state.started ? delta : { role: 'assistant' as const, ...delta };
    state.started = true;
    return this.#chunk(index, withRole, finishReason);
  }

  #chunk(index: number, delta: ChatCompletionDelta, finishReason: FinishReason | null): ChatCompletionChunk {
    return { ...this.#envelope(), choices: [{ index, delta, finish_reason: finishReason, logprobs: null }] };
  }

  #envelope(): Pick<ChatCompletionChunk, 'id' | 'object' | 'created' | 'model'> {
    return { id: this.#id ?? newCompletionId(undefined), object: 'chat.completion.chunk', created: this.#created, model: this.#model ?? this.#options.model };
  }
}
