import {
  streamPartFromChunk,
  SwitchyardError,
  type CallOptions,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatProvider,
  type ChatResult,
  type ChatStream,
  type ChatStreamPart,
  type EmbeddingRequest,
  type EmbeddingResult,
  type ProviderCapabilities,
  type Usage,
} from '@switchyard/core';
import type { ManualClock } from './manual-clock.js';

/** What one scripted call does. */
export type FakeOutcome =
  | { ok: true; text?: string; usage?: Usage; latencyMs?: number; firstPartMs?: number; chunks?: readonly string[] }
  | { ok: false; error: SwitchyardError; latencyMs?: number }
  /** A stream that delivers `chunks`, then fails (after its first byte). */
  | { ok: 'midstream'; chunks: readonly string[]; error: SwitchyardError };

export interface FakeCall {
  kind: 'chat' | 'stream' | 'embed';
  model: string;
  request: ChatCompletionRequest | EmbeddingRequest;
  options: CallOptions | undefined;
}

const capabilities: ProviderCapabilities = {
  streaming: true,
  embeddings: true,
  tools: true,
  vision: false,
  reasoning: false,
  jsonSchema: false,
  passThrough: false,
};

function chunk(model: string, content: string | undefined, usage?: Usage): ChatCompletionChunk {
  const choices = content === undefined ? [] : [{ index: 0, delta: { content }, finish_reason: null }];
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, choices, ...(usage ? { usage } : {}) };
}

/**
 * A ChatProvider whose answers are scripted: queued outcomes first, then `fallback`. A call advances the manual
 * clock by its latency, so latency statistics are deterministic.
 */
export class FakeProvider implements ChatProvider {
  readonly capabilities = capabilities;
  readonly calls: FakeCall[] = [];
  readonly #queue: FakeOutcome[] = [];

  constructor(
    readonly id = 'fake',
    private readonly clock?: ManualClock,
    public fallback: FakeOutcome = { ok: true },
  ) {}

  /** Queues outcomes for the next calls. */
  script(...outcomes: FakeOutcome[]): this {
    this.#queue.push(...outcomes);
    return this;
  }

  /** Every later call fails with `error`. */
  failWith(error: SwitchyardError): this {
    this.fallback = { ok: false, error };
    return this;
  }

  async chat(request: ChatCompletionRequest, options?: CallOptions): Promise<ChatResult> {
    const outcome = this.#next('chat', request, options);
    this.clock?.advance(outcome.ok === 'midstream' ? 0 : (outcome.latencyMs ?? 0));
    if (outcome.ok !== true) throw outcome.error;
    const completion: ChatCompletion = {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1,
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content: outcome.text ?? `answer from ${this.id}` }, finish_reason: 'stop', logprobs: null }],
      ...(outcome.usage ? { usage: outcome.usage } : {}),
    };
    return { completion, body: JSON.stringify(completion), usage: outcome.usage };
  }

  async streamChat(request: ChatCompletionRequest, options?: CallOptions): Promise<ChatStream> {
    const outcome = this.#next('stream', request, options);
    if (outcome.ok === false) {
      this.clock?.advance(outcome.latencyMs ?? 0);
      throw outcome.error;
    }
    const clock = this.clock;
    const model = request.model;
    const texts = outcome.chunks ?? [outcome.ok === true ? (outcome.text ?? `answer from ${this.id}`) : ''];
    const usage = outcome.ok === true ? outcome.usage : undefined;
    const firstPartMs = outcome.ok === true ? (outcome.firstPartMs ?? 0) : 0;
    const failure = outcome.ok === 'midstream' ? outcome.error : undefined;
    async function* parts(): AsyncGenerator<ChatStreamPart> {
      clock?.advance(firstPartMs);
      for (const text of texts) yield streamPartFromChunk(chunk(model, text));
      if (failure !== undefined) throw failure;
      if (usage !== undefined) yield streamPartFromChunk(chunk(model, undefined, usage));
    }
    return parts();
  }

  async embed(request: EmbeddingRequest, options?: CallOptions): Promise<EmbeddingResult> {
    const outcome = this.#next('embed', request, options);
    if (outcome.ok !== true) throw outcome.ok === false ? outcome.error : new SwitchyardError('internal', 'midstream');
    const inputs = Array.isArray(request.input) ? request.input : [request.input];
    const response = {
      object: 'list' as const,
      data: inputs.map((_, index) => ({ object: 'embedding' as const, index, embedding: [index, 0.5] })),
      model: request.model,
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    };
    return { response, body: JSON.stringify(response) };
  }

  #next(kind: FakeCall['kind'], request: FakeCall['request'], options: CallOptions | undefined): FakeOutcome {
    this.calls.push({ kind, model: request.model, request, options });
    return this.#queue.shift() ?? this.fallback;
  }
}
