import type { Deployment } from './deployment.js';
import { WildcardPattern } from './wildcard-pattern.js';

/** How simple-shuffle weighs a group's deployments, decided once per group as LiteLLM does. */
export type ShuffleBasis = 'weight' | 'rpm' | 'tpm' | 'uniform';

function shuffleBasis(deployments: readonly Deployment[]): ShuffleBasis {
  if (deployments.some((deployment) => deployment.weight !== undefined)) return 'weight';
  if (deployments.some((deployment) => deployment.rpm > 0)) return 'rpm';
  if (deployments.some((deployment) => deployment.tpm > 0)) return 'tpm';
  return 'uniform';
}

function weightOf(deployment: Deployment, basis: ShuffleBasis): number {
  if (basis === 'weight') return deployment.weight ?? 0;
  if (basis === 'rpm') return deployment.rpm;
  if (basis === 'tpm') return deployment.tpm;
  return 1;
}

/** The deployments sharing a model_name: a contiguous slot range, split into order tiers. */
export class ModelGroup {
  /** First slot of the group. */
  readonly start: number;
  /** One past the last slot. */
  readonly end: number;
  /** Tier boundaries: tier i spans slots tierStarts[i] to tierStarts[i + 1]; the last entry is `end`. */
  readonly tierStarts: Int32Array;
  /** simple-shuffle weights, indexed by slot - start. */
  readonly shuffleWeights: Float64Array;
  /** Running totals of shuffleWeights (entry i sums weights 0..i), for picking from a contiguous run in O(log n). */
  readonly cumulativeWeights: Float64Array;
  readonly shuffleBasis: ShuffleBasis;
  /** Whether any deployment carries the "default" tag (which untagged requests then go to). */
  readonly hasDefaultTag: boolean;
  /** Whether a decision needs the prompt's token estimate (a tpm limit or a known context window). */
  /** A deployment has a tpm limit, so picking one needs the prompt's token estimate. */
  readonly hasTpmLimits: boolean;
  /** A deployment has a known context window (used only when pre-call checks are on). */
  readonly hasContextLimits: boolean;
  readonly pattern: WildcardPattern | undefined;

  constructor(
    readonly name: string,
    readonly deployments: readonly Deployment[],
  ) {
    const first = deployments[0];
    if (first === undefined) throw new Error(`Model group "${name}" has no deployments.`);
    this.start = first.slot;
    this.end = first.slot + deployments.length;
    const starts = [this.start];
    deployments.forEach((deployment, index) => {
      if (index > 0 && deployment.order !== deployments[index - 1]?.order) starts.push(deployment.slot);
    });
    starts.push(this.end);
    this.tierStarts = Int32Array.from(starts);
    this.shuffleBasis = shuffleBasis(deployments);
    this.shuffleWeights = Float64Array.from(deployments, (deployment) => weightOf(deployment, this.shuffleBasis));
    let total = 0;
    this.cumulativeWeights = this.shuffleWeights.map((weight) => (total += weight));
    this.hasDefaultTag = deployments.some((deployment) => deployment.tags.includes('default'));
    this.hasTpmLimits = deployments.some((deployment) => deployment.tpm > 0);
    this.hasContextLimits = deployments.some((deployment) => deployment.maxInputTokens > 0);
    this.pattern = WildcardPattern.isPattern(name) ? new WildcardPattern(name) : undefined;
  }

  get tierCount(): number {
    return this.tierStarts.length - 1;
  }
}
