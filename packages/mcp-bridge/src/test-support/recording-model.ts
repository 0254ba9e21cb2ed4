import type { ChatCompletion, ChatCompletionRequest, ToolCall } from '@switchyard/core';

/** A chat completion as a model would return it: text, or tool calls. */
export function completion(answer: { content?: string; toolCalls?: ToolCall[] }): ChatCompletion {
  const toolCalls = answer.toolCalls ?? [];
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.content ?? null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        logprobs: null,
      },
    ],
  };
}

export function toolCall(id: string, name: string, args: unknown): ToolCall {
  return { id, type: 'function', function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } };
}

/** A fake model (a plain function, no provider) that records every request and answers with `decide`. */
export function recordingModel(decide: (request: ChatCompletionRequest, iteration: number) => ChatCompletion) {
  const requests: ChatCompletionRequest[] = [];
  const callModel = async (request: ChatCompletionRequest, iteration: number) => {
    requests.push(structuredClone(request));
    return decide(request, iteration);
  };
  return { requests, callModel };
}
