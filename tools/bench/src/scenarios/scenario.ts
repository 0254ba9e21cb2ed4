import type { RequestSpec } from '../load/request-spec.js';

export type StreamMode = 'non-stream' | 'stream';

export const streamModes: readonly StreamMode[] = ['non-stream', 'stream'];

/** The processes a scenario is measured through. `direct` is the mock itself, with no proxy in between. */
export type TargetName = 'direct' | 'bare' | 'gateway' | 'portkey';

/**
 * What a benchmark scenario decides: the request each target receives and how the gateway is configured.
 * Every target must receive the same logical call so that the only difference between them is the hop.
 *
 * To add a scenario (Anthropic translation, governance on): implement this interface in its own file,
 * register it in scenarios/registry.ts and remove it from `plannedScenarios` there.
 */
export interface Scenario {
  name: string;
  summary: string;
  /** The request a client sends to `target`; `mockOrigin` is e.g. http://127.0.0.1:9000. */
  request(target: TargetName, mode: StreamMode, mockOrigin: string): RequestSpec;
  /** The gateway's YAML config for this scenario (LiteLLM-shaped `model_list`), pointing at the mock. */
  gatewayConfig(mockOrigin: string): string;
  /** Targets that cannot express this scenario (e.g. the bare proxy cannot translate); they are skipped. */
  unsupportedTargets?: readonly TargetName[];
}
