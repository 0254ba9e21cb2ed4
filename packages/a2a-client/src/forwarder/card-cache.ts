import type { FetchedAgentCard } from '../agent-card/fetch-agent-card.js';
import type { A2aAgent } from '../config/a2a-agent-registry.js';

const maxVersionsPerAgent = 8;

interface Entry {
  card: Promise<FetchedAgentCard>;
  expiresAt: number;
}

/**
 * Agent cards by agent and requested version, kept `ttlMs`. Entries hang off the agent object, so an agent
 * re-registered through the management API (a new object) starts with no cached card. A failed fetch is not kept.
 */
export class CardCache {
  readonly #entries = new WeakMap<A2aAgent, Map<string, Entry>>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get(agent: A2aAgent, version: string, fetch: () => Promise<FetchedAgentCard>): Promise<FetchedAgentCard> {
    let byVersion = this.#entries.get(agent);
    if (byVersion === undefined) {
      byVersion = new Map();
      this.#entries.set(agent, byVersion);
    }
    const cached = byVersion.get(version);
    if (cached !== undefined && cached.expiresAt > this.#now()) return cached.card;
    const card = fetch();
    const entry = { card, expiresAt: this.#now() + this.#ttlMs };
    // The version comes from a request header: keep a handful per agent, not one per value a caller can invent.
    if (byVersion.size >= maxVersionsPerAgent) byVersion.clear();
    byVersion.set(version, entry);
    card.catch(() => {
      if (byVersion.get(version) === entry) byVersion.delete(version);
    });
    return card;
  }
}
