export { openStore, DEFAULT_DATA_DIR, type OpenStoreOptions } from './open-store.js';
export { createStore, type Store } from './store.js';
export type { Backend, Connection, Database } from './database.js';
export { StoreError, type StoreErrorKind } from './store-error.js';
export { createSecretBox, type SecretBox, type SecretBoxOptions } from './crypto/secret-box.js';
export { generateVirtualKey, hashVirtualKey, virtualKeyHint, type GeneratedVirtualKey } from './crypto/virtual-key.js';
export { nextBudgetResetAt, parseBudgetDuration, type BudgetDuration } from './budget/budget-reset.js';
export type { AuditEntry, AuditQuery, MutationOptions } from './repositories/audit-log.js';
export type { BudgetResetResult } from './repositories/budgets.js';
export type { EndUser, EndUserInput, EndUserPatch } from './repositories/end-users.js';
export type { KeyAuthContext } from './repositories/key-auth-context.js';
export type { IssuedVirtualKey, VirtualKey, VirtualKeyInput, VirtualKeyPatch, VirtualKeyQuery } from './repositories/keys.js';
export type { BudgetClock, LimitsInput } from './repositories/limits.js';
export type {
  ModelDeployment,
  ModelDeploymentInput,
  ModelDeploymentPatch,
  ModelDeploymentQuery,
  ModelDeploymentWithSecrets,
} from './repositories/model-deployments.js';
export type { Organisation, OrganisationInput, OrganisationPatch } from './repositories/organisations.js';
export type { Page, PageRequest } from './repositories/page.js';
export type {
  RegisteredService,
  RegisteredServiceInput,
  RegisteredServicePatch,
  RegisteredServiceQuery,
  RegisteredServiceWithSecrets,
} from './repositories/registered-services.js';
export type { Secrets } from './repositories/secret-entity.js';
export type { SpendLog, SpendLogQuery } from './repositories/spend-log-query.js';
export type { RecordSpendResult, SpendLogInput } from './repositories/spend-record.js';
export type { ReportDimension, SpendReportQuery, SpendReportRow, SpendTotals, TopSpender, TopSpendersQuery } from './repositories/spend-report.js';
export type { KeyBudgetStatus } from './repositories/spend.js';
export type { TeamMembership, TeamMembershipInput, TeamMembershipPatch, TeamMembershipQuery } from './repositories/team-memberships.js';
export type { Team, TeamInput, TeamPatch, TeamQuery } from './repositories/teams.js';
export type { User, UserInput, UserPatch, UserQuery } from './repositories/users.js';
export * as schema from './schema/index.js';
export type { Metadata, ObjectPermission, SpendScope, SpendStatus, TeamRole, UserRole } from './schema/index.js';
