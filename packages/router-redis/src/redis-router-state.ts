import {
  InMemoryRouterState,
  latencySamples,
  minuteMs,
  minuteOf,
  type AcquiredCounts,
  type CallSample,
  type Deployment,
  type RouterState,
  type StateConfig,
  type UsageTable,
} from '@switchyard/router';
import { randomUUID } from 'node:crypto';
import { PendingDeltas, type SlotDelta } from './pending-deltas.js';
import { connectRedis, type RedisSettings } from './redis-connection.js';
import { DeploymentKeys } from './redis-keys.js';
import { withScripts, type RedisClient, type ScriptCommands } from './redis-scripts.js';

export interface RedisRouterStateOptions extends RedisSettings {
  /** A client the caller owns (Redis or Cluster); otherwise one is created from the settings and closed by `close`. */
  client?: RedisClient;
  /** Instances must use the same prefix (and the same deployment ids) to share state. */
  prefix?: string;
  /** Per-command timeout for a client created here. */
  commandTimeoutMs?: number;
  /** After a Redis error, this instance routes on its own counts for this long before trying Redis again. */
  degradedForMs?: number;
  /** Told about every Redis error; routing carries on regardless. */
  onError?: (error: unknown) => void;
  /**
   * How old (ms, router clock) a group's view may be before a decision reads Redis again, and how long the counts
   * of deployments without limits wait before they are written (default 100). Deployments with an rpm, tpm or
   * max_parallel_requests limit are still counted per call, atomically. 0: every decision reads Redis and every
   * call writes at once.
   */
  syncIntervalMs?: number;
}

/** Counters outlive their minute long enough for every instance to have read them. */
const windowTtlMs = 2 * minuteMs;
/** A call still in flight after this long is presumed lost (its instance crashed) and no longer counted. */
const presumedLostMs = 10 * minuteMs;
const fieldsPerDeployment = 7;

function parseAverage(value: string | number | null | undefined): [number, number] {
  const text = value === null || value === undefined ? '' : String(value);
  if (text === '') return [Number.NaN, 0];
  const colon = text.lastIndexOf(':');
  return [Number(text.slice(0, colon)), Number(text.slice(colon + 1))];
}

/**
 * Router state in Redis, so N instances route as one: rpm/tpm counters, failure counts, cooldowns, latency averages
 * and in-flight counts. A group's view is read back from Redis at most once per `syncIntervalMs` (a decision in
 * between uses the view as it is, with this instance's own calls counted in it). Deployments with an rpm, tpm or
 * max_parallel_requests limit are counted per call by one Lua script whose result decides (ADR 0005); the others'
 * counts wait here and go to Redis with the group's next read, one script per group and interval. Failures are
 * written at once (they decide cooldowns). When Redis fails, the instance keeps routing on its own counts and tries
 * Redis again after `degradedForMs`.
 */
export class RedisRouterState implements RouterState {
  readonly #local = new InMemoryRouterState();
  readonly view: UsageTable = this.#local.view;
  readonly #client: RedisClient & ScriptCommands;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #degradedForMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #pending = new Set<Promise<void>>();
  readonly #groupKeys = new Map<number, { minute: number; keys: string[] }>();
  readonly #syncIntervalMs: number;
  readonly #pendingDeltas = new PendingDeltas();
  /** Per slot: whether its counts wait for the group's sync (no limits), and the group it was refreshed in. */
  #batched: boolean[] = [];
  #groupStart: number[] = [];
  readonly #groupEnd = new Map<number, number>();
  readonly #syncedAt = new Map<number, number>();
  readonly #dirty = new Set<number>();
  #timer: NodeJS.Timeout | undefined;
  #lastNow = 0;
  #keys: DeploymentKeys[] = [];
  /** This instance's calls in flight per slot, as their in-flight set members (any one is released per call end). */
  #members: string[][] = [];
  readonly #instance = randomUUID().slice(0, 8);
  #sequence = 0;
  #latencyTtlMs = 3_600_000;
  #degradedUntil = 0;

  constructor(options: RedisRouterStateOptions = {}) {
    this.#ownsClient = options.client === undefined;
    this.#client = withScripts(options.client ?? connectRedis(options, options.commandTimeoutMs ?? 500));
    this.#prefix = options.prefix ?? 'switchyard:router:';
    this.#degradedForMs = options.degradedForMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
    this.#syncIntervalMs = Math.max(0, options.syncIntervalMs ?? 100);
    // A client created here reports connection errors through onError (ioredis would print them otherwise).
    if (this.#ownsClient) this.#client.on('error', (error: unknown) => this.#onError(error));
  }

  attach(deployments: readonly Deployment[], config: StateConfig): void {
    this.#local.attach(deployments, config);
    this.#keys = deployments.map((deployment) => new DeploymentKeys(this.#prefix, deployment));
    this.#members = deployments.map(() => []);
    const interval = this.#syncIntervalMs;
    this.#batched = deployments.map((deployment) => interval > 0 && deployment.rpm <= 0 && deployment.tpm <= 0 && deployment.maxParallelRequests <= 0);
    this.#groupStart = deployments.map(() => -1);
    this.#pendingDeltas.resize(deployments.length);
    this.#latencyTtlMs = config.latencyTtlMs;
  }

  refresh(start: number, end: number, now: number): Promise<void> | undefined {
    if (this.#degraded()) return undefined;
    this.#lastNow = now;
    if (this.#groupEnd.get(start) !== end) {
      this.#groupEnd.set(start, end);
      for (let slot = start; slot < end; slot++) this.#groupStart[slot] = start;
    }
    const at = this.#syncedAt.get(start);
    if (at !== undefined && now >= at && now - at < this.#syncIntervalMs) return undefined;
    this.#syncedAt.set(start, now);
    return this.#sync(start, end, now);
  }

  acquire(slot: number, now: number): Promise<AcquiredCounts> | undefined {
    if (this.#degraded()) return this.#local.acquire(slot, now);
    if (this.#batched[slot] === true) {
      const member = `${this.#instance}:${++this.#sequence}`;
      this.#members[slot]?.push(member);
      this.#pendingDeltas.start(slot, member);
      this.#markDirty(slot, now);
      return this.#local.acquire(slot, now);
    }
    const keys = this.#keyOf(slot);
    const minute = minuteOf(now);
    const counts: AcquiredCounts = { requestsThisMinute: 0, inFlight: 0 };
    const member = `${this.#instance}:${++this.#sequence}`;
    this.#members[slot]?.push(member);
    const call = this.#client.switchyardAcquire(
      keys.requests(minute),
      keys.inFlight,
      windowTtlMs,
      member,
      now + presumedLostMs,
      now,
      presumedLostMs,
    );
    const tracked = this.#track(
      call.then(([requests, running]) => {
        this.#setCounts(slot, minute, requests, running);
        counts.requestsThisMinute = requests;
        counts.inFlight = running;
      }),
      () => {
        // Degraded: the local counts decide, as they would in-process.
        this.#local.acquire(slot, now);
        counts.requestsThisMinute = this.view.requestsThisMinute(slot, now);
        counts.inFlight = this.view.inFlight(slot);
      },
    );
    return tracked.then(() => counts);
  }

  cancel(slot: number, now: number): Promise<void> | undefined {
    if (this.#degraded()) return this.#local.cancel(slot, now);
    const member = this.#members[slot]?.pop() ?? '';
    if (this.#batched[slot] === true) {
      this.#pendingDeltas.undo(slot, member);
      this.#markDirty(slot, now);
      return this.#local.cancel(slot, now);
    }
    const keys = this.#keyOf(slot);
    const minute = minuteOf(now);
    const call = this.#client.switchyardCancel(keys.requests(minute), keys.inFlight, windowTtlMs, member);
    return this.#track(
      call.then(([requests, running]) => this.#setCounts(slot, minute, requests, running)),
      () => this.#local.cancel(slot, now),
    );
  }

  release(slot: number, now: number, sample: CallSample): Promise<void> | undefined {
    if (this.#degraded()) return this.#local.release(slot, now, sample);
    let member = this.#members[slot]?.pop() ?? '';
    if (this.#batched[slot] === true) {
      if (!sample.failed) {
        this.#pendingDeltas.end(slot, member);
        this.#pendingDeltas.sample(slot, sample.tokens, sample.latencyMs, sample.timeToFirstTokenMs);
        this.#markDirty(slot, now);
        return this.#local.release(slot, now, sample);
      }
      // A failure is written at once: the failure count decides cooldowns, here and on other instances.
      if (this.#pendingDeltas.dropWaiting(slot, member)) member = '';
    }
    const keys = this.#keyOf(slot);
    const minute = minuteOf(now);
    const call = this.#client.switchyardRelease(
      keys.inFlight,
      keys.tokens(minute),
      keys.failures(minute),
      keys.latencySamples,
      keys.latencyAverage,
      keys.ttftSamples,
      keys.ttftAverage,
      Math.max(0, Math.round(sample.tokens)),
      sample.failed ? 1 : 0,
      Number.isNaN(sample.latencyMs) ? '' : sample.latencyMs,
      Number.isNaN(sample.timeToFirstTokenMs) ? '' : sample.timeToFirstTokenMs,
      now,
      windowTtlMs,
      this.#latencyTtlMs,
      latencySamples,
      member,
    );
    return this.#track(
      call.then(([running, tokens, failures, latency, ttft]) => this.#applyRelease(slot, minute, [running, tokens, failures], latency, ttft)),
      () => this.#local.release(slot, now, sample),
    );
  }

  coolDown(slot: number, untilMs: number, now: number): Promise<void> | undefined {
    if (this.#degraded()) return this.#local.coolDown(slot, untilMs);
    const call = this.#client.switchyardCoolDown(this.#keyOf(slot).cooldown, untilMs, Math.max(1, untilMs - now) + 1000);
    return this.#track(
      call.then((inForce) => {
        this.view.cooldown[slot] = Number(inForce);
      }),
      () => this.#local.coolDown(slot, untilMs),
    );
  }

  /** Writes the counts still waiting here and waits for writes on their way to Redis. */
  async flush(): Promise<void> {
    this.#syncDirty();
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#ownsClient) await this.#client.quit().catch(() => undefined);
  }

  /** A batched count is waiting: its group is written at the next sync, within the interval. */
  #markDirty(slot: number, now: number): void {
    this.#lastNow = now;
    this.#dirty.add(this.#groupStart[slot] ?? -1);
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#degraded()) this.#syncDirty();
    }, this.#syncIntervalMs);
    this.#timer.unref();
  }

  #syncDirty(): void {
    for (const start of this.#dirty) {
      const end = this.#groupEnd.get(start);
      if (end !== undefined) {
        this.#syncedAt.set(start, this.#lastNow);
        void this.#sync(start, end, this.#lastNow);
      }
    }
    this.#dirty.clear();
  }

  /** Writes the group's waiting counts and reads the group back, in one script. */
  #sync(start: number, end: number, now: number): Promise<void> {
    this.#dirty.delete(start);
    const minute = minuteOf(now);
    const keys = this.#syncKeys(start, end, minute);
    const taken: Array<SlotDelta | undefined> = [];
    const deltas: string[] = [];
    for (let slot = start; slot < end; slot++) {
      const { delta, encoded } = this.#pendingDeltas.take(slot);
      taken.push(delta);
      deltas.push(encoded);
    }
    const args = [now, windowTtlMs, this.#latencyTtlMs, latencySamples, now + presumedLostMs, presumedLostMs];
    const call = this.#client.switchyardSync(keys.length, ...keys, ...args, ...deltas);
    return this.#track(
      call.then((values) => this.#applySnapshot(start, end, minute, values)),
      () => {
        for (let slot = start; slot < end; slot++) {
          const delta = taken[slot - start];
          if (delta !== undefined) this.#pendingDeltas.restore(slot, delta);
        }
      },
    );
  }

  #keyOf(slot: number): DeploymentKeys {
    const keys = this.#keys[slot];
    if (keys === undefined) throw new Error(`RedisRouterState: slot ${slot} is not attached.`);
    return keys;
  }

  /** The sync key list for a group, rebuilt once a minute (the per-minute keys change) and reused otherwise. */
  #syncKeys(start: number, end: number, minute: number): string[] {
    const cached = this.#groupKeys.get(start);
    if (cached !== undefined && cached.minute === minute) return cached.keys;
    const keys: string[] = [];
    for (let slot = start; slot < end; slot++) {
      const deployment = this.#keyOf(slot);
      keys.push(
        deployment.cooldown,
        deployment.requests(minute),
        deployment.tokens(minute),
        deployment.failures(minute),
        deployment.inFlight,
        deployment.latencyAverage,
        deployment.ttftAverage,
        deployment.latencySamples,
        deployment.ttftSamples,
      );
    }
    this.#groupKeys.set(start, { minute, keys });
    return keys;
  }

  #applySnapshot(start: number, end: number, minute: number, values: Array<string | number>): void {
    const table = this.view;
    for (let slot = start; slot < end; slot++) {
      const base = (slot - start) * fieldsPerDeployment;
      table.cooldown[slot] = Number(values[base] ?? 0);
      table.minute[slot] = minute;
      const unsynced = this.#pendingDeltas.unsynced(slot);
      table.requests[slot] = Number(values[base + 1] ?? 0) + unsynced.requests;
      table.tokens[slot] = Number(values[base + 2] ?? 0);
      table.failures[slot] = Number(values[base + 3] ?? 0);
      table.running[slot] = Math.max(0, Number(values[base + 4] ?? 0) + unsynced.running);
      [table.latency[slot], table.latencyAt[slot]] = parseAverage(values[base + 5]);
      [table.ttft[slot], table.ttftAt[slot]] = parseAverage(values[base + 6]);
    }
  }

  #setCounts(slot: number, minute: number, requests: number, running: number): void {
    this.view.roll(slot, minute);
    this.view.requests[slot] = requests;
    this.view.running[slot] = running;
  }

  #applyRelease(slot: number, minute: number, counts: [number, number, number], latency: string, ttft: string): void {
    const table = this.view;
    table.running[slot] = counts[0];
    table.roll(slot, minute);
    table.tokens[slot] = counts[1];
    table.failures[slot] = counts[2];
    [table.latency[slot], table.latencyAt[slot]] = parseAverage(latency);
    [table.ttft[slot], table.ttftAt[slot]] = parseAverage(ttft);
  }

  #degraded(): boolean {
    return this.#degradedUntil > Date.now();
  }

  /** Never rejects: a Redis failure is reported, applied to local counts instead, and pauses Redis use. */
  #track(promise: Promise<void>, onFailure?: () => void): Promise<void> {
    const tracked = promise.catch((error: unknown) => {
      // Real time, not the router's clock: this is about the connection, not about routing windows.
      this.#degradedUntil = Date.now() + this.#degradedForMs;
      onFailure?.();
      this.#onError(error);
    });
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
    return tracked;
  }
}

/** Creates the Redis state; pass it to `createRouter({ state })`. */
export function createRedisRouterState(options: RedisRouterStateOptions = {}): RedisRouterState {
  return new RedisRouterState(options);
}
