import type { ModelList } from '@switchyard/core';
import { createRouter, type Router } from '@switchyard/router';
import { ChatCompletions } from './chat-completions.js';
import { Embeddings } from './embeddings.js';
import type { SwitchyardOptions } from './switchyard-options.js';

/** An OpenAI-shaped client whose calls are routed in-process, as the gateway would route them. */
export class Switchyard {
  readonly chat: { readonly completions: ChatCompletions };
  readonly embeddings: Embeddings;
  readonly models: { list(): Promise<ModelList> };
  /** The router underneath, for routing details (`router.chat` returns the deployment, attempts and fallbacks). */
  readonly router: Router;

  constructor(options: SwitchyardOptions) {
    const router = createRouter({
      modelList: options.models,
      providers: options.providers,
      routerSettings: options.settings,
      litellmSettings: options.litellmSettings,
      ...(options.state === undefined ? {} : { state: options.state }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.tokenCounter === undefined ? {} : { tokenCounter: options.tokenCounter }),
      ...(options.pricing === undefined ? {} : { pricing: options.pricing }),
    });
    this.router = router;
    this.chat = { completions: new ChatCompletions(router) };
    this.embeddings = new Embeddings(router);
    this.models = {
      list: async () => ({
        object: 'list',
        data: router.listModels().map((id) => ({ id, object: 'model', created: 0, owned_by: 'switchyard' })),
      }),
    };
  }

  /** Waits for pending state writes and closes what the router opened (a Redis connection, for example). */
  close(): Promise<void> {
    return this.router.close();
  }
}

/**
 * The gateway's routing without a server: `models` is a LiteLLM model_list, `providers` the ProviderFamily objects
 * you installed. Throws a SwitchyardError (or a ZodError naming the key) when the configuration is invalid.
 */
export function createSwitchyard(options: SwitchyardOptions): Switchyard {
  return new Switchyard(options);
}
