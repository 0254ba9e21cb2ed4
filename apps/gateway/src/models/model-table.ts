import type { Deployment, ModelGroup } from './deployment.js';

export interface ResolvedModel {
  readonly group: ModelGroup;
  /** What each `*` of a wildcard group matched, in order; undefined for an exact name. */
  readonly captures: readonly string[] | undefined;
}

interface WildcardGroup {
  readonly pattern: RegExp;
  readonly group: ModelGroup;
  readonly literalLength: number;
}

function wildcardPattern(name: string): RegExp {
  const escaped = name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${escaped.join('(.+)')}$`);
}

/** The upstream model id a deployment gets for one request: a wildcard's matches fill its `*`s. */
export function upstreamModelFor(deployment: Deployment, captures: readonly string[] | undefined): string {
  if (captures === undefined) return deployment.upstreamModel;
  let index = 0;
  return deployment.upstreamModel.replace(/\*/g, () => captures[index++] ?? '*');
}

/** Public model names → model groups. Exact names win; then wildcards, the most specific (longest literal) first. */
export class ModelTable {
  readonly #exact = new Map<string, ResolvedModel>();
  readonly #wildcards: WildcardGroup[] = [];
  readonly #groups: ModelGroup[] = [];

  constructor(deployments: readonly Deployment[]) {
    const byName = new Map<string, Deployment[]>();
    for (const deployment of deployments) {
      const list = byName.get(deployment.modelGroup);
      if (list) list.push(deployment);
      else byName.set(deployment.modelGroup, [deployment]);
    }
    for (const [name, list] of byName) {
      const group: ModelGroup = { name, deployments: list, cursor: 0 };
      this.#groups.push(group);
      if (name.includes('*')) {
        this.#wildcards.push({ pattern: wildcardPattern(name), group, literalLength: name.replace(/\*/g, '').length });
      } else {
        this.#exact.set(name, { group, captures: undefined });
      }
    }
    this.#wildcards.sort((a, b) => b.literalLength - a.literalLength);
  }

  resolve(model: string): ResolvedModel | undefined {
    const exact = this.#exact.get(model);
    if (exact) return exact;
    for (const wildcard of this.#wildcards) {
      const match = wildcard.pattern.exec(model);
      if (match) return { group: wildcard.group, captures: match.slice(1) };
    }
    return undefined;
  }

  get groups(): readonly ModelGroup[] {
    return this.#groups;
  }

  /** Names a client can send as they are (wildcard groups are not listed). */
  publicModelNames(): string[] {
    return this.#groups.filter((group) => !group.name.includes('*')).map((group) => group.name);
  }
}
