import { minuteOf, type DeploymentView } from './router-state.js';

/**
 * The view as typed arrays indexed by slot: the in-process state's storage and the Redis state's local mirror.
 * Per-minute counters carry the minute they count, so a new minute reads as zero without a reset pass.
 */
export class UsageTable implements DeploymentView {
  cooldown = new Float64Array(0);
  minute = new Float64Array(0);
  requests = new Float64Array(0);
  tokens = new Float64Array(0);
  failures = new Float64Array(0);
  running = new Float64Array(0);
  latency = new Float64Array(0);
  latencyAt = new Float64Array(0);
  ttft = new Float64Array(0);
  ttftAt = new Float64Array(0);
  latencyTtlMs = 3_600_000;

  resize(size: number): void {
    this.cooldown = new Float64Array(size);
    this.minute = new Float64Array(size);
    this.requests = new Float64Array(size);
    this.tokens = new Float64Array(size);
    this.failures = new Float64Array(size);
    this.running = new Float64Array(size);
    this.latency = new Float64Array(size).fill(Number.NaN);
    this.latencyAt = new Float64Array(size);
    this.ttft = new Float64Array(size).fill(Number.NaN);
    this.ttftAt = new Float64Array(size);
  }

  /** Moves a slot's per-minute counters to `minute`, zeroing them when the minute changed. */
  roll(slot: number, minute: number): void {
    if (this.minute[slot] === minute) return;
    this.minute[slot] = minute;
    this.requests[slot] = 0;
    this.tokens[slot] = 0;
    this.failures[slot] = 0;
  }

  cooldownUntil(slot: number): number {
    return this.cooldown[slot] ?? 0;
  }

  requestsThisMinute(slot: number, now: number): number {
    return this.minute[slot] === minuteOf(now) ? (this.requests[slot] ?? 0) : 0;
  }

  tokensThisMinute(slot: number, now: number): number {
    return this.minute[slot] === minuteOf(now) ? (this.tokens[slot] ?? 0) : 0;
  }

  failuresThisMinute(slot: number, now: number): number {
    return this.minute[slot] === minuteOf(now) ? (this.failures[slot] ?? 0) : 0;
  }

  inFlight(slot: number): number {
    return this.running[slot] ?? 0;
  }

  latencyMs(slot: number, now: number): number {
    return now - (this.latencyAt[slot] ?? 0) > this.latencyTtlMs ? Number.NaN : (this.latency[slot] ?? Number.NaN);
  }

  timeToFirstTokenMs(slot: number, now: number): number {
    return now - (this.ttftAt[slot] ?? 0) > this.latencyTtlMs ? Number.NaN : (this.ttft[slot] ?? Number.NaN);
  }
}
