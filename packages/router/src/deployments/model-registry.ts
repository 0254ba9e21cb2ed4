import type { ModelGroupAlias } from '../config/router-options.js';
import type { Deployment } from './deployment.js';
import { ModelGroup } from './model-group.js';

/** A requested model name resolved to the group that serves it. */
export interface ResolvedModel {
  readonly group: ModelGroup;
  /** What the group's "*" matched; empty for an exact group. */
  readonly captures: readonly string[];
}

const wildcardCacheLimit = 1024;
const noCaptures: readonly string[] = Object.freeze([]);

/** Model groups by name, with aliases and wildcard groups (the most specific pattern wins). */
export class ModelRegistry {
  readonly groups: ReadonlyMap<string, ModelGroup>;
  readonly #exact = new Map<string, ResolvedModel>();
  readonly #patterns: ModelGroup[];
  readonly #wildcardCache = new Map<string, ResolvedModel | null>();

  constructor(
    deployments: readonly Deployment[],
    private readonly aliases: ReadonlyMap<string, ModelGroupAlias>,
  ) {
    const byName = new Map<string, Deployment[]>();
    for (const deployment of deployments) {
      const list = byName.get(deployment.modelGroup) ?? [];
      list.push(deployment);
      byName.set(deployment.modelGroup, list);
    }
    const groups = new Map<string, ModelGroup>();
    for (const [name, list] of byName) {
      const group = new ModelGroup(name, list);
      groups.set(name, group);
      this.#exact.set(name, { group, captures: noCaptures });
    }
    this.groups = groups;
    this.#patterns = [...groups.values()]
      .filter((group) => group.pattern !== undefined)
      .sort((a, b) => (b.pattern?.specificity ?? 0) - (a.pattern?.specificity ?? 0));
  }

  /** The group for a requested model: exact name, then alias, then the most specific wildcard group. */
  resolve(model: string): ResolvedModel | undefined {
    const exact = this.#exact.get(model);
    if (exact !== undefined) return exact;
    const alias = this.aliases.get(model);
    if (alias !== undefined && alias.model !== model) return this.resolve(alias.model);
    return this.#matchWildcard(model);
  }

  /** The names a /v1/models listing shows: every group and every alias that is not hidden. */
  listModels(): string[] {
    const names = [...this.groups.keys()];
    for (const [alias, target] of this.aliases) if (!target.hidden && !names.includes(alias)) names.push(alias);
    return names;
  }

  #matchWildcard(model: string): ResolvedModel | undefined {
    if (this.#patterns.length === 0) return undefined;
    const cached = this.#wildcardCache.get(model);
    if (cached !== undefined) return cached ?? undefined;
    let resolved: ResolvedModel | null = null;
    for (const group of this.#patterns) {
      const captures = group.pattern?.match(model);
      if (captures !== undefined) {
        resolved = { group, captures };
        break;
      }
    }
    // Bounded so that arbitrary model names sent by clients cannot grow memory.
    if (this.#wildcardCache.size >= wildcardCacheLimit) this.#wildcardCache.clear();
    this.#wildcardCache.set(model, resolved);
    return resolved ?? undefined;
  }
}
