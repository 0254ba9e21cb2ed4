import type { ProviderFamily } from '@switchyard/core';

/** Maps a provider id (the `<provider>` in `<provider>/<model>`) to the installed family that serves it. */
export class ProviderRegistry {
  readonly #byProvider = new Map<string, ProviderFamily>();

  constructor(readonly families: readonly ProviderFamily[]) {
    for (const family of families) {
      for (const provider of family.providers) {
        if (!this.#byProvider.has(provider)) this.#byProvider.set(provider, family);
      }
    }
  }

  family(provider: string): ProviderFamily | undefined {
    return this.#byProvider.get(provider);
  }

  has(provider: string): boolean {
    return this.#byProvider.has(provider);
  }

  /** Every provider id some installed family serves. */
  providerIds(): string[] {
    return [...this.#byProvider.keys()];
  }
}
