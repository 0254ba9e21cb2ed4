import type { ChatProvider } from '@switchyard/core';
import type { DeploymentInfo, DeploymentParams } from './model-list-schema.js';

/** One configured upstream serving a model group: a provider instance plus its routing parameters. */
export interface Deployment {
  /** model_info.id, else a hash of the entry: the same on every instance loading the same config. */
  readonly id: string;
  /** The deployment's index in the router; state tables are indexed by it. A group's slots are contiguous. */
  readonly slot: number;
  readonly modelGroup: string;
  readonly providerId: string;
  readonly provider: ChatProvider;
  /** litellm_params.model, for example "openai/gpt-4o" or "anthropic/*". */
  readonly model: string;
  /** The model id sent upstream (no provider prefix); contains "*" for a wildcard deployment. */
  readonly upstreamModel: string;
  /** Requests per minute allowed; 0 when unlimited. */
  readonly rpm: number;
  /** Tokens per minute allowed; 0 when unlimited. */
  readonly tpm: number;
  readonly weight: number | undefined;
  /** Lower orders are tried first. */
  readonly order: number;
  readonly tags: readonly string[];
  /** 0 when unlimited. */
  readonly maxParallelRequests: number;
  readonly timeoutMs: number | undefined;
  readonly streamTimeoutMs: number | undefined;
  /** 0 when unknown. */
  readonly maxInputTokens: number;
  /** From model_info; undefined when unknown (cost-based routing then tries the deployment last). */
  readonly inputCostPerToken: number | undefined;
  readonly outputCostPerToken: number | undefined;
  readonly region: string | undefined;
  /** Request parameters the deployment presets (temperature, ...); the client's own values win. */
  readonly requestDefaults: Readonly<Record<string, unknown>> | undefined;
  readonly params: Readonly<DeploymentParams>;
  readonly info: Readonly<DeploymentInfo>;
}

/** What the router reports about the deployment that served (or failed) a request. */
export interface DeploymentSummary {
  id: string;
  modelGroup: string;
  provider: string;
  /** The model id sent upstream. */
  model: string;
}
