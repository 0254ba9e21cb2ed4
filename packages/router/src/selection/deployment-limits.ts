import type { Deployment } from '../deployments/deployment.js';

/** Each deployment's limits as typed arrays by slot, so a decision's per-deployment checks are array reads. */
export class DeploymentLimits {
  readonly rpm: Float64Array;
  readonly tpm: Float64Array;
  readonly maxParallel: Float64Array;
  readonly maxInputTokens: Float64Array;

  constructor(deployments: readonly Deployment[]) {
    this.rpm = Float64Array.from(deployments, (deployment) => deployment.rpm);
    this.tpm = Float64Array.from(deployments, (deployment) => deployment.tpm);
    this.maxParallel = Float64Array.from(deployments, (deployment) => deployment.maxParallelRequests);
    this.maxInputTokens = Float64Array.from(deployments, (deployment) => deployment.maxInputTokens);
  }
}
