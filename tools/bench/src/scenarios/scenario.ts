import type { RequestSpec } from '../load/request-spec.js';

export type StreamMode = 'non-stream' | 'stream';

export const streamModes: readonly StreamMode[] = ['non-stream', 'stream'];

/** The processes a scenario is measured through. `direct` is the mock itself, with no proxy in between. */
export type TargetName = 'direct' | 'bare' | 'gateway' | 'portkey';

/** What one run of a scenario set up before the targets started (a store holding a virtual key). */
export interface ScenarioSession {
  /** Extra environment for the gateway process (master key, store, Redis). */
  gatewayEnv: Readonly<Record<string, string>>;
  /** Headers the gateway's requests carry instead of (or on top of) the scenario's (a virtual key). */
  gatewayHeaders: Readonly<Record<string, string>>;
  /** What the report should say about this session (the store backend, the key's limits). */
  description: string;
  close(): Promise<void>;
}

export interface ScenarioOpenContext {
  /** Gitignored scratch folder of the run. */
  workDir: string;
  run: number;
}

/**
 * What a benchmark scenario decides: the request each target receives and how the gateway is configured.
 * Every target must receive the same logical call so that the only difference between them is the hop.
 *
 * To add a scenario: implement this interface in its own file and register it in scenarios/registry.ts.
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
  /**
   * Text a complete answer of `target` contains (default: `"choices"` for a body, `data: [DONE]` for a stream).
   * The mock answers its own wire format to `direct` and `bare`.
   */
  completeMarker?(target: TargetName, mode: StreamMode): string;
  /** Per-run preparation (a store with a virtual key), before the gateway starts; a thrown error skips the run. */
  open?(context: ScenarioOpenContext): Promise<ScenarioSession>;
  /** The CPU goals for the gateway, µs per request at the saturated connection counts. */
  cpuGoalsUs: Readonly<Record<StreamMode, number>>;
  /** The foundation issue's goal: gateway CPU per request at most this many times the bare proxy's. */
  bareRatioGoal?: number;
}

/** The request `target` gets in a session: the gateway's carries the session's headers. */
export function requestFor(scenario: Scenario, target: TargetName, mode: StreamMode, mockOrigin: string, session?: ScenarioSession): RequestSpec {
  const spec = scenario.request(target, mode, mockOrigin);
  if (target !== 'gateway' || session === undefined) return spec;
  return { ...spec, headers: { ...spec.headers, ...session.gatewayHeaders } };
}

/** What a complete answer of `target` in `mode` contains. */
export function completeMarkerOf(scenario: Scenario, target: TargetName, mode: StreamMode): string {
  return scenario.completeMarker?.(target, mode) ?? (mode === 'stream' ? 'data: [DONE]' : '"choices"');
}
