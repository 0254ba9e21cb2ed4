import type { ChatProvider } from '@switchyard/core';
import type { DeploymentTarget } from '../deployments/provider-source.js';
import { FakeProvider } from './fake-provider.js';
import type { ManualClock } from './manual-clock.js';

/**
 * A provider source for tests: one FakeProvider per deployment, named by its `api_base` (else its model), so a
 * test scripts and inspects each deployment by that name.
 */
export class FakeProviders {
  readonly byName = new Map<string, FakeProvider>();
  readonly source = (target: DeploymentTarget): ChatProvider => this.get(this.#name(target));

  constructor(private readonly clock?: ManualClock) {}

  get(name: string): FakeProvider {
    let provider = this.byName.get(name);
    if (provider === undefined) {
      provider = new FakeProvider(name, this.clock);
      this.byName.set(name, provider);
    }
    return provider;
  }

  /** How many calls each named provider received. */
  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.byName].map(([name, provider]) => [name, provider.calls.length]));
  }

  #name(target: DeploymentTarget): string {
    return target.settings.baseURL ?? String(target.entry.litellm_params?.model ?? target.entry.params?.model);
  }
}
