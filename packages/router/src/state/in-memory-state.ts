import type { Deployment } from '../deployments/deployment.js';
import { LatencyWindow } from './latency-window.js';
import { minuteOf, type CallSample, type RouterState, type StateConfig } from './router-state.js';
import { UsageTable } from './usage-table.js';

/** State held in this process: every method completes synchronously and allocates nothing. The default. */
export class InMemoryRouterState implements RouterState {
  readonly view = new UsageTable();
  readonly #latency = new LatencyWindow();
  readonly #ttft = new LatencyWindow();

  attach(deployments: readonly Deployment[], config: StateConfig): void {
    this.view.resize(deployments.length);
    this.view.latencyTtlMs = config.latencyTtlMs;
    this.#latency.resize(deployments.length);
    this.#ttft.resize(deployments.length);
  }

  refresh(): undefined {
    return undefined;
  }

  acquire(slot: number, now: number): undefined {
    const table = this.view;
    table.roll(slot, minuteOf(now));
    table.requests[slot] = (table.requests[slot] ?? 0) + 1;
    table.running[slot] = (table.running[slot] ?? 0) + 1;
    return undefined;
  }

  cancel(slot: number, now: number): undefined {
    const table = this.view;
    if (table.minute[slot] === minuteOf(now)) table.requests[slot] = Math.max(0, (table.requests[slot] ?? 0) - 1);
    table.running[slot] = Math.max(0, (table.running[slot] ?? 0) - 1);
    return undefined;
  }

  release(slot: number, now: number, sample: CallSample): undefined {
    const table = this.view;
    table.running[slot] = Math.max(0, (table.running[slot] ?? 0) - 1);
    table.roll(slot, minuteOf(now));
    if (sample.tokens > 0) table.tokens[slot] = (table.tokens[slot] ?? 0) + sample.tokens;
    if (sample.failed) table.failures[slot] = (table.failures[slot] ?? 0) + 1;
    if (!Number.isNaN(sample.latencyMs)) {
      if (Number.isNaN(table.latencyMs(slot, now))) this.#latency.reset(slot);
      table.latency[slot] = this.#latency.add(slot, sample.latencyMs);
      table.latencyAt[slot] = now;
    }
    if (!Number.isNaN(sample.timeToFirstTokenMs)) {
      if (Number.isNaN(table.timeToFirstTokenMs(slot, now))) this.#ttft.reset(slot);
      table.ttft[slot] = this.#ttft.add(slot, sample.timeToFirstTokenMs);
      table.ttftAt[slot] = now;
    }
    return undefined;
  }

  coolDown(slot: number, untilMs: number): undefined {
    if (untilMs > (this.view.cooldown[slot] ?? 0)) this.view.cooldown[slot] = untilMs;
    return undefined;
  }

  async close(): Promise<void> {}
}
