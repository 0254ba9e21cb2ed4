import type { SwitchyardError } from '@switchyard/core';
import type { Deployment } from '../deployments/deployment.js';
import { cooldownUntil, countsAsFailure } from '../reliability/cooldown-rule.js';
import type { RouterEngine } from './router-engine.js';

const noSample = Number.NaN;

function ignore(): void {}

/**
 * One call's bookkeeping: it has acquired the deployment (rpm and in-flight counted) and settles exactly once,
 * as a success, a failure (counted, maybe cooling the deployment down) or abandoned (the caller went away).
 */
export class CallTracker {
  readonly startedAt: number;
  #firstPartAt = noSample;
  #settled = false;

  constructor(
    private readonly engine: RouterEngine,
    readonly deployment: Deployment,
    private readonly stream: boolean,
  ) {
    this.startedAt = engine.clock.now();
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** A stream delivered its first part: the time to first token is known. */
  firstPart(): void {
    this.#firstPartAt = this.engine.clock.now();
  }

  /**
   * The call succeeded. Its statistics are written without waiting: a shared store's round trip must not delay
   * the answer, and nothing later in this request reads them.
   */
  succeed(tokens: number): void {
    if (!this.#settle()) return;
    const now = this.engine.clock.now();
    const ttft = Number.isNaN(this.#firstPartAt) ? noSample : this.#firstPartAt - this.startedAt;
    const pending = this.engine.state.release(this.deployment.slot, now, {
      latencyMs: this.stream ? noSample : now - this.startedAt,
      timeToFirstTokenMs: ttft,
      tokens,
      failed: false,
    });
    pending?.catch(ignore);
  }

  /** The caller aborted: the deployment is released without a sample or a failure. */
  abandon(): void {
    if (!this.#settle()) return;
    const pending = this.engine.state.release(this.deployment.slot, this.engine.clock.now(), {
      latencyMs: noSample,
      timeToFirstTokenMs: noSample,
      tokens: 0,
      failed: false,
    });
    pending?.catch(ignore);
  }

  /**
   * The call failed: counts the failure and cools the deployment down when the rules say so. Awaited, so the
   * next decision (here or on another instance sharing the state) already avoids the deployment.
   */
  async fail(error: SwitchyardError): Promise<void> {
    if (!this.#settle()) return;
    const { state, options, clock } = this.engine;
    const slot = this.deployment.slot;
    const now = clock.now();
    // A timeout is the slowest possible answer: it feeds latency-based routing as such.
    const elapsed = error.kind === 'timeout' ? now - this.startedAt : noSample;
    const released = state.release(slot, now, {
      latencyMs: this.stream ? noSample : elapsed,
      timeToFirstTokenMs: this.stream ? elapsed : noSample,
      tokens: 0,
      failed: countsAsFailure(error, options),
    });
    if (released !== undefined) await released;
    const until = cooldownUntil(error, slot, state.view, now, options);
    if (until === undefined) return;
    const cooled = state.coolDown(slot, until, now);
    if (cooled !== undefined) await cooled;
  }

  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    return true;
  }
}
