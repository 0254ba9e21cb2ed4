import type { Deployment } from '../deployments/deployment.js';
import type { UsageTable } from './usage-table.js';

/**
 * What a routing decision reads about deployments. Reads are synchronous and allocation-free: a shared
 * implementation (Redis) refreshes a local view before the decision instead of reading remotely during it.
 */
export interface DeploymentView {
  /** Epoch ms until which the deployment is cooling down; 0 or a past time when it is not. */
  cooldownUntil(slot: number): number;
  /** Requests started in the current calendar minute (rpm). */
  requestsThisMinute(slot: number, now: number): number;
  /** Tokens used in the current calendar minute (tpm). */
  tokensThisMinute(slot: number, now: number): number;
  /** Failed calls in the current calendar minute (allowed_fails). */
  failuresThisMinute(slot: number, now: number): number;
  /** Calls started and not yet finished, across every instance sharing the state. */
  inFlight(slot: number): number;
  /** Average latency of recent successful calls in ms; NaN when there is no sample within the latency ttl. */
  latencyMs(slot: number, now: number): number;
  /** Average time to the first streamed chunk in ms; NaN when unknown. */
  timeToFirstTokenMs(slot: number, now: number): number;
}

export interface StateConfig {
  /** Latency samples older than this are forgotten. */
  latencyTtlMs: number;
}

/** The counts right after one call's increment, for checking rpm and max_parallel_requests. */
export interface AcquiredCounts {
  requestsThisMinute: number;
  inFlight: number;
}

/** What one finished call adds to a deployment's statistics. NaN means "no sample". */
export interface CallSample {
  latencyMs: number;
  timeToFirstTokenMs: number;
  tokens: number;
  failed: boolean;
}

/**
 * Usage counters, cooldowns, latency statistics and in-flight counts, shared by every router instance using
 * the same backing store. Implementations must never reject: a shared store that fails keeps routing on what it
 * last saw rather than failing requests. Each write returns undefined when it completed synchronously (in-process), or a promise
 * when it went to a shared store; after it settles, `view` reflects the write (and, for a shared store, what
 * other instances wrote to the same counters).
 */
export interface RouterState {
  /**
   * The synchronous view decisions read. A concrete table of typed arrays rather than an interface, so the
   * selector's per-deployment checks are plain array reads (measured about 6x cheaper than method calls).
   */
  readonly view: UsageTable;
  /** Called once by the router with every deployment; slots index into this list. */
  attach(deployments: readonly Deployment[], config: StateConfig): void;
  /** Brings the view of slots [start, end) up to date before a decision; undefined when it already is. */
  refresh(start: number, end: number, now: number): Promise<void> | undefined;
  /**
   * A call starts: counts it against rpm and in-flight. A shared store resolves to the counts its atomic increment
   * returned for this very call (the view may already hold later ones), so the router can tell whether the call
   * still fits the limits; in-process state decides and counts in one synchronous step and returns undefined.
   */
  acquire(slot: number, now: number): Promise<AcquiredCounts> | undefined;
  /** Undoes an `acquire` whose call never started (it lost a race for the last unit of a limit). */
  cancel(slot: number, now: number): Promise<void> | undefined;
  /** A call ended: in-flight goes down, tokens count against tpm, samples feed latency, failures count. */
  release(slot: number, now: number, sample: CallSample): Promise<void> | undefined;
  /** Keeps the deployment out of routing until `untilMs` (never shortens an existing cooldown). */
  coolDown(slot: number, untilMs: number, now: number): Promise<void> | undefined;
  close(): Promise<void>;
}

export const minuteMs = 60_000;

/** The calendar minute `now` falls in; usage windows are aligned to it so every instance agrees. */
export function minuteOf(now: number): number {
  return Math.floor(now / minuteMs);
}
