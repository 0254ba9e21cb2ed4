import { latencySamples } from '@switchyard/router';

/** What one deployment's calls added since its group was last synced with Redis. */
export interface SlotDelta {
  requests: number;
  tokens: number;
  /** In-flight members to add (calls started here) and to remove (calls that ended). */
  added: string[];
  removed: string[];
  /** The latest latency and time-to-first-token samples, at most `latencySamples` each. */
  latency: string[];
  ttft: string[];
}

const emptyDelta = (): SlotDelta => ({ requests: 0, tokens: 0, added: [], removed: [], latency: [], ttft: [] });

function pushSample(samples: string[], value: number): void {
  if (Number.isNaN(value)) return;
  samples.push(String(value));
  if (samples.length > latencySamples) samples.shift();
}

/**
 * The counts of deployments without limits, kept here between syncs: one script per group and sync interval
 * writes them all (requests, tokens, in-flight members, latency samples) and reads the group back.
 */
export class PendingDeltas {
  #deltas: Array<SlotDelta | undefined> = [];

  resize(size: number): void {
    this.#deltas = Array.from({ length: size }, () => undefined);
  }

  #of(slot: number): SlotDelta {
    let delta = this.#deltas[slot];
    if (delta === undefined) {
      delta = emptyDelta();
      this.#deltas[slot] = delta;
    }
    return delta;
  }

  start(slot: number, member: string): void {
    const delta = this.#of(slot);
    delta.requests += 1;
    delta.added.push(member);
  }

  /** Undoes a `start` (a call that never ran). */
  undo(slot: number, member: string): void {
    const delta = this.#of(slot);
    delta.requests -= 1;
    this.end(slot, member);
  }

  /** Drops a member still waiting here (its call never reached Redis); true when it was waiting. */
  dropWaiting(slot: number, member: string): boolean {
    const added = this.#of(slot).added;
    const waiting = added.lastIndexOf(member);
    if (waiting < 0) return false;
    added.splice(waiting, 1);
    return true;
  }

  /** A call ended: its member leaves the in-flight set, at the next sync unless it never reached Redis. */
  end(slot: number, member: string): void {
    if (!this.dropWaiting(slot, member) && member !== '') this.#of(slot).removed.push(member);
  }

  sample(slot: number, tokens: number, latencyMs: number, timeToFirstTokenMs: number): void {
    const delta = this.#of(slot);
    delta.tokens += Math.max(0, Math.round(tokens));
    pushSample(delta.latency, latencyMs);
    pushSample(delta.ttft, timeToFirstTokenMs);
  }

  /** Whether the slot has anything to write. */
  has(slot: number): boolean {
    const delta = this.#deltas[slot];
    return delta !== undefined && (delta.requests !== 0 || delta.tokens !== 0 || delta.added.length + delta.removed.length + delta.latency.length + delta.ttft.length > 0);
  }

  /** Takes the slot's delta for a sync ('' when there is nothing), as the sync script reads it (JSON). */
  take(slot: number): { delta: SlotDelta | undefined; encoded: string } {
    if (!this.has(slot)) return { delta: undefined, encoded: '' };
    const delta = this.#deltas[slot] as SlotDelta;
    this.#deltas[slot] = undefined;
    const { requests: r, tokens: t, added: a, removed: d, latency: l, ttft: f } = delta;
    return { delta, encoded: JSON.stringify({ r, t, a, d, l, f }) };
  }

  /** Puts back a delta whose sync failed, so the next sync writes it. */
  restore(slot: number, taken: SlotDelta): void {
    const delta = this.#of(slot);
    delta.requests += taken.requests;
    delta.tokens += taken.tokens;
    delta.added.unshift(...taken.added);
    delta.removed.unshift(...taken.removed);
    for (const value of taken.latency) pushSample(delta.latency, Number(value));
    for (const value of taken.ttft) pushSample(delta.ttft, Number(value));
  }

  /** Calls counted here and not yet in Redis, for the view after a sync: requests, and in flight. */
  unsynced(slot: number): { requests: number; running: number } {
    const delta = this.#deltas[slot];
    if (delta === undefined) return { requests: 0, running: 0 };
    return { requests: delta.requests, running: delta.added.length - delta.removed.length };
  }
}
