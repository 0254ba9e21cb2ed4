import type { BenchResult } from './bench-result.js';
import { runMatrix } from './matrix/run-matrix.js';
import type { BenchOptions } from './options.js';
import { profileGatewayMode, type GatewayProfile } from './profile/profile-gateway.js';
import { getScenario } from './scenarios/registry.js';
import type { Scenario } from './scenarios/scenario.js';
import { machineInfo } from './setup/machine-info.js';
import { prepare, type Prepared } from './setup/prepare.js';

async function profiles(
  options: BenchOptions,
  scenario: Scenario,
  prepared: Prepared,
  log: (line: string) => void,
): Promise<GatewayProfile[]> {
  if (!options.profile) return [];
  const context = {
    scenario,
    workDir: options.workDir,
    seconds: options.profileSeconds,
    connections: Math.max(...options.connections),
    placements: prepared.placements,
  };
  const results: GatewayProfile[] = [];
  for (const mode of options.modes) {
    log(`profiling the gateway: ${mode} c=${context.connections} for ${context.seconds} s`);
    results.push(await profileGatewayMode(context, mode));
  }
  return results;
}

/** Setup, the interleaved matrix, and the optional gateway CPU profile. */
export async function runBench(
  options: BenchOptions,
  argv: readonly string[] = [],
  log: (line: string) => void = () => {},
): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const scenario = getScenario(options.scenario);
  const prepared = await prepare(options, log);
  const excluded = new Set(prepared.skipped.map((skip) => skip.target));
  const matrix = await runMatrix({
    options: { ...options, targets: options.targets.filter((name) => !excluded.has(name)) },
    scenario,
    portkeyEntry: prepared.portkey?.entry,
    placements: prepared.placements,
    log,
  });
  const gatewayRan = matrix.points.some((point) => point.target === 'gateway' && point.failure === undefined);
  const gatewayProfiles = gatewayRan ? await profiles(options, scenario, prepared, log) : [];
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    argv: [...argv],
    options,
    machine: await machineInfo(),
    placements: prepared.placements,
    versions: {
      wrk: prepared.wrk,
      mockProvider: prepared.mockProviderVersion,
      gateway: prepared.gatewayVersion,
      portkey: prepared.portkey?.versions,
    },
    skipped: [...prepared.skipped, ...matrix.skipped],
    notes: prepared.notes,
    points: matrix.points,
    probes: matrix.probes,
    profiles: gatewayProfiles,
  };
}
