import { parseArgs } from 'node:util';
import { defaultResultsDir, defaultWorkDir } from './paths.js';
import { streamModes, type StreamMode, type TargetName } from './scenarios/scenario.js';
import { scenarioNames } from './scenarios/registry.js';
import { allTargetNames } from './targets/definitions.js';

export interface BenchOptions {
  /** One scenario name, or (on the command line) a comma list or `all`: the CLI runs each in turn. */
  scenario: string;
  /** Gateway worker processes (`--workers` of the gateway); 1 runs it as one process. */
  workers: number;
  /** Soak mode: seconds at a fixed request rate against the gateway alone (0: the matrix instead). */
  soakSeconds: number;
  /** Requests per second of the soak. */
  soakRate: number;
  /** Seconds between RSS samples of the soak. */
  soakSampleSeconds: number;
  targets: TargetName[];
  modes: StreamMode[];
  connections: number[];
  runs: number;
  warmupSeconds: number;
  durationSeconds: number;
  ttfbRequests: number;
  ttfbWarmup: number;
  quietGateMaxWaitMs: number;
  quietGateThresholdPercent: number;
  smoke: boolean;
  /** Install what is missing (wrk with apt-get, Portkey with npm). */
  setup: boolean;
  /** Pin the proxy to CPU 0 and the mock, wrk and probes to CPU 1. */
  pin: boolean;
  /**
   * `nice -n` for every measured process (0: off). Negative values win CPU share from other tenants, so the
   * numbers are closer to a quiet machine, at their expense while the bench runs.
   */
  nice: number;
  /** After the matrix, profile the gateway under load with V8's CPU profiler and summarise it. */
  profile: boolean;
  profileSeconds: number;
  /** Print only the Markdown (for docs/benchmarks.md) instead of the progress log and summary. */
  markdown: boolean;
  resultsDir: string;
  workDir: string;
}

export const fullDefaults: BenchOptions = {
  scenario: 'openai',
  workers: 1,
  soakSeconds: 0,
  soakRate: 200,
  soakSampleSeconds: 5,
  targets: [...allTargetNames],
  modes: [...streamModes],
  connections: [1, 32, 64],
  runs: 2,
  warmupSeconds: 2,
  durationSeconds: 10,
  ttfbRequests: 300,
  ttfbWarmup: 20,
  quietGateMaxWaitMs: 10_000,
  quietGateThresholdPercent: 60,
  smoke: false,
  setup: true,
  pin: true,
  nice: 0,
  profile: false,
  profileSeconds: 10,
  markdown: false,
  resultsDir: defaultResultsDir,
  workDir: defaultWorkDir,
};

/** A few seconds in all: one short point per target and mode, no Portkey unless asked, no quiet gate. */
export const smokeDefaults: BenchOptions = {
  ...fullDefaults,
  smoke: true,
  targets: allTargetNames.filter((name) => name !== 'portkey'),
  connections: [4],
  runs: 1,
  warmupSeconds: 0,
  durationSeconds: 1,
  ttfbRequests: 20,
  ttfbWarmup: 5,
  quietGateMaxWaitMs: 0,
  profileSeconds: 2,
};

export const usage = `Usage: switchyard-bench [options]
  --smoke                 a few seconds: one short point per target and mode (no Portkey unless --portkey)
  --markdown              print only the Markdown tables (paste into docs/benchmarks.md)
  --scenario LIST         openai (default), anthropic, governance-pglite, governance-postgres; a comma list or all
                          (governance-postgres needs SWITCHYARD_BENCH_DATABASE_URL and SWITCHYARD_BENCH_REDIS_URL,
                          or DATABASE_URL and REDIS_URL)
  --workers N             run the gateway with --workers N (node:cluster); compare with a run at 1
  --soak S --rate R       soak mode: S seconds at R requests/s against the gateway alone (non-streaming), RSS
                          sampled every --sample S seconds (default 5); reports idle, loaded and the RSS slope
  --targets LIST          comma list of direct,bare,gateway,portkey (default: all)
  --portkey / --no-portkey   add or remove Portkey
  --modes LIST            non-stream,stream
  --connections LIST      default 1,32,64
  --runs N                interleaved repetitions of the whole matrix (default 2)
  --duration S            measured seconds per point (default 10); --warmup S (default 2)
  --ttfb-requests N       sequential probe requests per target and mode (default 300)
  --quiet-wait-ms N       longest wait for a quiet CPU window before a point (default 10000; 0 = off)
  --profile               then profile the gateway under load (V8 CPU profile) and summarise self time
  --nice=N                run every measured process under nice -n N (e.g. --nice=-10 on a busy machine)
  --no-setup --no-pin     skip the installs (wrk, Portkey) or the CPU pinning
  --results-dir DIR --work-dir DIR`;

const list = (value: string): string[] => value.split(',').map((part) => part.trim()).filter(Boolean);

function parseTargets(value: string | undefined, base: TargetName[], portkey: boolean | undefined): TargetName[] {
  const chosen = value === undefined ? [...base] : list(value);
  for (const name of chosen) {
    if (!allTargetNames.includes(name as TargetName)) throw new Error(`unknown target "${name}"`);
  }
  let targets = chosen as TargetName[];
  if (portkey === true && !targets.includes('portkey')) targets = [...targets, 'portkey'];
  if (portkey === false) targets = targets.filter((name) => name !== 'portkey');
  return allTargetNames.filter((name) => targets.includes(name));
}

function parseModes(value: string | undefined, base: StreamMode[]): StreamMode[] {
  if (value === undefined) return base;
  const modes = list(value);
  for (const mode of modes) if (!streamModes.includes(mode as StreamMode)) throw new Error(`unknown mode "${mode}"`);
  return modes as StreamMode[];
}

function connectionCounts(value: string | undefined, base: number[]): number[] {
  if (value === undefined) return base;
  const counts = list(value).map(Number);
  if (counts.length === 0 || counts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error('--connections wants positive whole numbers, e.g. 1,32,64');
  }
  return counts;
}

/** Checks a `--scenario` value (a name, a comma list or `all`) and keeps it as given. */
function scenarioList(value: string): string {
  scenarioNames(value);
  return value;
}

function niceness(value: string | undefined): number {
  if (value === undefined) return 0;
  const number = Number(value);
  if (!Number.isInteger(number) || number < -20 || number > 19) throw new Error('--nice wants a whole number from -20 to 19');
  return number;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} wants a non-negative number`);
  return number;
}

const flags = {
  smoke: { type: 'boolean' },
  markdown: { type: 'boolean' },
  scenario: { type: 'string' },
  workers: { type: 'string' },
  soak: { type: 'string' },
  rate: { type: 'string' },
  sample: { type: 'string' },
  targets: { type: 'string' },
  portkey: { type: 'boolean' },
  'no-portkey': { type: 'boolean' },
  modes: { type: 'string' },
  connections: { type: 'string' },
  runs: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  'ttfb-requests': { type: 'string' },
  'quiet-wait-ms': { type: 'string' },
  profile: { type: 'boolean' },
  'no-setup': { type: 'boolean' },
  'no-pin': { type: 'boolean' },
  nice: { type: 'string' },
  'results-dir': { type: 'string' },
  'work-dir': { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** Parses the command line; `undefined` means --help was asked for. */
export function parseOptions(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({ args: [...argv], options: flags, strict: true });
  if (values.help) return undefined;
  const base = values.smoke ? smokeDefaults : fullDefaults;
  const portkey = values.portkey ? true : values['no-portkey'] ? false : undefined;
  return {
    ...base,
    scenario: scenarioList(values.scenario ?? base.scenario),
    workers: Math.max(1, Math.round(positive(values.workers, base.workers, 'workers'))),
    soakSeconds: positive(values.soak, base.soakSeconds, 'soak'),
    soakRate: Math.max(1, positive(values.rate, base.soakRate, 'rate')),
    soakSampleSeconds: Math.max(1, positive(values.sample, base.soakSampleSeconds, 'sample')),
    targets: parseTargets(values.targets, base.targets, portkey),
    modes: parseModes(values.modes, base.modes),
    connections: connectionCounts(values.connections, base.connections),
    runs: Math.max(1, Math.round(positive(values.runs, base.runs, 'runs'))),
    durationSeconds: Math.max(1, positive(values.duration, base.durationSeconds, 'duration')),
    warmupSeconds: positive(values.warmup, base.warmupSeconds, 'warmup'),
    ttfbRequests: Math.max(1, Math.round(positive(values['ttfb-requests'], base.ttfbRequests, 'ttfb-requests'))),
    quietGateMaxWaitMs: positive(values['quiet-wait-ms'], base.quietGateMaxWaitMs, 'quiet-wait-ms'),
    profile: values.profile ?? false,
    setup: !values['no-setup'],
    pin: !values['no-pin'],
    nice: niceness(values.nice),
    markdown: values.markdown ?? false,
    resultsDir: values['results-dir'] ?? base.resultsDir,
    workDir: values['work-dir'] ?? base.workDir,
  };
}
