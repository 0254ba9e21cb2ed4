import type { FaultName, Scenario } from './scenario.js';

/** Decides whether a request's fault applies, counting requests per scenario string for `fault_times`. */
export class FaultCounter {
  readonly #seen = new Map<string, number>();

  activeFault(scenario: Scenario): FaultName | undefined {
    if (scenario.fault === undefined) return undefined;
    if (scenario.faultTimes === undefined) return scenario.fault;
    const count = (this.#seen.get(scenario.key) ?? 0) + 1;
    this.#seen.set(scenario.key, count);
    return count <= scenario.faultTimes ? scenario.fault : undefined;
  }

  reset(): void {
    this.#seen.clear();
  }
}
