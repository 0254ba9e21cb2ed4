import type { PointResult, ProbeRecord } from './measure/result-types.js';
import type { SkippedTarget } from './matrix/start-targets.js';
import type { BenchOptions } from './options.js';
import type { GatewayProfile } from './profile/profile-gateway.js';
import type { Placements } from './process/placed-command.js';
import type { MachineInfo } from './setup/machine-info.js';

/** Everything one bench run produced; written as results/<stamp>/result.json. */
export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  /** How it was started (argv after the script). */
  argv: string[];
  options: BenchOptions;
  machine: MachineInfo;
  /** CPU and niceness of the proxy under test and of the load side (mock, wrk, probe). */
  placements: Placements;
  versions: {
    wrk: string | undefined;
    mockProvider: string | undefined;
    gateway: string | undefined;
    portkey: Record<string, string> | undefined;
  };
  skipped: SkippedTarget[];
  /** Anything the reader must know: a failed build, a missing tool, unpinned runs. */
  notes: string[];
  points: PointResult[];
  probes: ProbeRecord[];
  profiles: GatewayProfile[];
}
