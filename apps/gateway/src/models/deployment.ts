import type { ChatProvider } from '@switchyard/core';

/** One configured upstream a model group can send a request to; built once at start-up. */
export interface Deployment {
  /** `model_info.id` when the config sets one, else `<model group>#<position>`. */
  readonly id: string;
  readonly modelGroup: string;
  readonly providerId: string;
  readonly provider: ChatProvider;
  /** The upstream model id without the provider prefix; a `*` in it takes the wildcard's match. */
  readonly upstreamModel: string;
  readonly timeoutMs: number;
  /** Timeout for streaming calls (`stream_timeout`), else `timeoutMs`. */
  readonly streamTimeoutMs: number;
  /** Request parameters preset in `litellm_params` (temperature, max_tokens, ...); the client's value wins. */
  readonly defaults: Readonly<Record<string, unknown>> | undefined;
}

/** The deployments that serve one public model name, tried in turn. */
export interface ModelGroup {
  readonly name: string;
  readonly deployments: readonly Deployment[];
  /** Round-robin cursor: the deployment the next request starts with. */
  cursor: number;
}
