import type { ErrorKind } from '@switchyard/core';
import type { DeploymentSummary } from '../deployments/deployment.js';

/** What the caller (the gateway, the SDK) passes with a request. */
export interface RouteOptions {
  /** Aborts the request (client disconnect): no retry, no fallback, no failure counted. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms; overrides the deployment's timeout / stream_timeout. */
  timeoutMs?: number;
  requestId?: string;
  /** The client's request headers; the router reads `x-switchyard-tags` (and LiteLLM's `x-litellm-tags`). */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** Headers to send upstream, already filtered by the caller. */
  forwardHeaders?: Record<string, string>;
  /** Request metadata (tags, allowed_model_region); defaults to the body's `metadata`. */
  metadata?: Readonly<Record<string, unknown>>;
  /** Fallback model groups for this request; default: the body's `fallbacks`, then the configured ones. */
  fallbacks?: readonly string[];
  /** No fallbacks for this request (also the body's `disable_fallbacks`, or a key's setting). */
  disableFallbacks?: boolean;
  /** Retries for this request; default: the body's `num_retries`, then the configured ones. */
  numRetries?: number;
  /** Only deployments in this region ("eu", "us" or a region name); default: metadata.allowed_model_region. */
  allowedRegion?: string;
}

/** One upstream call the router made for a request. */
export interface AttemptRecord {
  deployment: string;
  modelGroup: string;
  provider: string;
  model: string;
  /** The failure's kind; absent for the call that succeeded. */
  error?: ErrorKind;
  /** The upstream HTTP status of the failure, when it came from upstream. */
  status?: number;
}

/** How a request was served: the gateway turns it into `x-switchyard-*` headers. */
export interface RoutingOutcome {
  deployment: DeploymentSummary;
  /** Upstream calls made, the successful one included. */
  attempts: number;
  /** Fallback model groups tried beyond the requested one. */
  fallbacks: number;
  history: readonly AttemptRecord[];
}
