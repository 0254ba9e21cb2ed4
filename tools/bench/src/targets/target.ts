import type { Placement } from '../process/placed-command.js';
import type { Scenario, ScenarioSession, TargetName } from '../scenarios/scenario.js';

/** A started target: where to send requests and which process to account CPU and memory to. */
export interface RunningTarget {
  name: TargetName;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The measured process: the proxy, or for `direct` the mock itself. */
  pid: number;
  stop(): Promise<void>;
}

export interface TargetStartContext {
  /** CPU and niceness of the proxy under test. */
  proxyPlacement: Placement;
  mockOrigin: string;
  mockPid: number;
  /** Gitignored scratch folder for configs and process logs. */
  workDir: string;
  scenario: Scenario;
  /** What the scenario prepared for this run (the gateway's extra environment and headers). */
  session?: ScenarioSession | undefined;
  /** The installed Portkey entry script, when Portkey is part of the run. */
  portkeyEntry?: string;
  /** Extra Node flags for the proxy process (the CPU profile adds its preload). */
  nodeFlags?: readonly string[];
  /** Extra environment for the proxy process. */
  env?: Readonly<Record<string, string>>;
  /** Gateway worker processes (`--workers`); 1 (the default) runs the gateway as one process. */
  gatewayWorkers?: number;
}

export interface TargetDefinition {
  name: TargetName;
  description: string;
  /** Why this target cannot run here (e.g. the gateway is not built yet); undefined when it can. */
  unavailableReason(context: Pick<TargetStartContext, 'portkeyEntry'>): string | undefined;
  start(context: TargetStartContext): Promise<RunningTarget>;
}
