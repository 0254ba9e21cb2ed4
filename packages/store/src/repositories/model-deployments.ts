import { eq } from 'drizzle-orm';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../database.js';
import { modelDeployments, type Metadata } from '../schema/index.js';
import { equalsWhenSet, type PageRequest } from './page.js';
import { secretRepository, type Redacted, type Secrets, type WithSecrets } from './secret-entity.js';

export type ModelDeployment = Redacted<typeof modelDeployments.$inferSelect>;
export type ModelDeploymentWithSecrets = WithSecrets<typeof modelDeployments.$inferSelect>;

export interface ModelDeploymentPatch {
  /** The public model name clients ask for. */
  modelGroup?: string;
  provider?: string;
  /** The provider's model id. */
  model?: string;
  apiBase?: string | null;
  /** Provider parameters that are not secret (api_version, region, …). */
  params?: Metadata;
  /** Pricing and capabilities (input_cost_per_token, max_tokens, …). */
  modelInfo?: Metadata;
  rpm?: number | null;
  tpm?: number | null;
  weight?: number | null;
  order?: number | null;
  enabled?: boolean;
  /** api_key, aws_secret_access_key, …: encrypted at rest; replaces all, null removes all. */
  secrets?: Secrets | null;
}

export interface ModelDeploymentInput extends ModelDeploymentPatch {
  id?: string;
  modelGroup: string;
  provider: string;
  model: string;
}

export interface ModelDeploymentQuery extends PageRequest {
  modelGroup?: string;
  enabled?: boolean;
}

/** Deployments stored through the management API; provider secrets are AES-256-GCM encrypted. */
export function createModelDeploymentRepository(db: Database, box: SecretBox | undefined) {
  return secretRepository<typeof modelDeployments, ModelDeploymentInput, ModelDeploymentPatch, ModelDeploymentQuery>(
    db,
    box,
    { table: modelDeployments, entityType: 'model_deployment' },
    (query) => [
      equalsWhenSet(modelDeployments.modelGroup, query.modelGroup),
      query.enabled === undefined ? undefined : eq(modelDeployments.enabled, query.enabled),
    ],
  );
}

export type ModelDeploymentRepository = ReturnType<typeof createModelDeploymentRepository>;
