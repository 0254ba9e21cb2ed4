import { chatCompletionRequestSchema, type ChatCompletion, type ChatCompletionRequest } from '@switchyard/core';
import type { Router } from '@switchyard/router';
import { ChatCompletionStream } from './chat-completion-stream.js';
import { routeOptions } from './route-options.js';
import type { RequestOptions } from './switchyard-options.js';
import { validateRequest } from './validate-request.js';

export type ChatCompletionCreateParams = ChatCompletionRequest;

/** `client.chat.completions`: routed through the model list with retries, fallbacks and cooldowns. */
export class ChatCompletions {
  constructor(private readonly router: Router) {}

  create(body: ChatCompletionCreateParams & { stream: true }, options?: RequestOptions): Promise<ChatCompletionStream>;
  create(body: ChatCompletionCreateParams & { stream?: false | null }, options?: RequestOptions): Promise<ChatCompletion>;
  create(body: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream>;
  async create(body: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream> {
    const request = validateRequest(chatCompletionRequestSchema, body);
    if (request.stream !== true) {
      const routed = await this.router.chat(request, routeOptions(options));
      return routed.result.completion;
    }
    const controller = new AbortController();
    const outer = options?.signal;
    if (outer !== undefined) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    }
    const routed = await this.router.streamChat(request, routeOptions(options, controller.signal));
    return new ChatCompletionStream(routed, controller);
  }
}
