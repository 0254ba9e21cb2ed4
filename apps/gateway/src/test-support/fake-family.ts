import {
  streamPartFromChunk,
  type CallOptions,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatProvider,
  type ChatResult,
  type ChatStream,
  type EmbeddingRequest,
  type EmbeddingResult,
  type ProviderFamily,
  type ProviderSettings,
} from '@switchyard/core';

/** What a fake provider does for one call; the default answers like an OpenAI-compatible upstream. */
export interface FakeScript {
  chat?: (request: ChatCompletionRequest, options: CallOptions | undefined, settings: ProviderSettings) => Promise<ChatResult>;
  streamChat?: (request: ChatCompletionRequest, options: CallOptions | undefined, settings: ProviderSettings) => Promise<ChatStream>;
  embed?: (request: EmbeddingRequest, options: CallOptions | undefined, settings: ProviderSettings) => Promise<EmbeddingResult>;
}

export interface FakeCall {
  kind: 'chat' | 'stream' | 'embed';
  request: ChatCompletionRequest | EmbeddingRequest;
  options: CallOptions | undefined;
  settings: ProviderSettings;
}

export function fakeCompletion(model: string, text: string): ChatCompletion {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  };
}

export function fakeChunk(model: string, delta: ChatCompletionChunk['choices'][number]['delta'], finish: 'stop' | null = null): ChatCompletionChunk {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] };
}

const defaultScript: Required<FakeScript> = {
  async chat(request) {
    const completion = fakeCompletion(request.model, 'Hello from the fake provider.');
    return { completion, body: JSON.stringify(completion), usage: completion.usage };
  },
  async streamChat(request) {
    const model = request.model;
    const chunks = [fakeChunk(model, { role: 'assistant', content: '' }), fakeChunk(model, { content: 'Hello' }), fakeChunk(model, { content: ' world' }, 'stop')];
    const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
    const usageChunk: ChatCompletionChunk = { ...fakeChunk(model, {}), choices: [], usage };
    return {
      async *[Symbol.asyncIterator]() {
        for (const chunk of [...chunks, ...(request.stream_options?.include_usage ? [usageChunk] : [])]) yield streamPartFromChunk(chunk);
      },
    };
  },
  async embed(request) {
    const inputs = Array.isArray(request.input) ? request.input : [request.input];
    const response = {
      object: 'list' as const,
      data: inputs.map((_, index) => ({ object: 'embedding' as const, index, embedding: [0.1, 0.2, 0.3] })),
      model: request.model,
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    };
    return { response, body: JSON.stringify(response) };
  },
};

/** A provider family for tests: every call is recorded and answered by the script (or the default answers). */
export function fakeFamily(providers: readonly string[], script: FakeScript = {}): ProviderFamily & { calls: FakeCall[]; created: ProviderSettings[] } {
  const calls: FakeCall[] = [];
  const created: ProviderSettings[] = [];
  return {
    name: 'fake',
    providers,
    calls,
    created,
    apiKeyEnv: (provider) => `${provider.toUpperCase()}_API_KEY`,
    create(settings): ChatProvider {
      created.push(settings);
      return {
        id: settings.provider,
        capabilities: { streaming: true, embeddings: true, tools: true, vision: false, reasoning: false, jsonSchema: false, passThrough: true },
        chat(request, options) {
          calls.push({ kind: 'chat', request, options, settings });
          return (script.chat ?? defaultScript.chat)(request, options, settings);
        },
        streamChat(request, options) {
          calls.push({ kind: 'stream', request, options, settings });
          return (script.streamChat ?? defaultScript.streamChat)(request, options, settings);
        },
        embed(request, options) {
          calls.push({ kind: 'embed', request, options, settings });
          return (script.embed ?? defaultScript.embed)(request, options, settings);
        },
      };
    },
  };
}
