import type { SecretBox } from './crypto/secret-box.js';
import type { Backend, Connection, Database } from './database.js';
import { createAuditRepository } from './repositories/audit-log.js';
import { createBudgetRepository } from './repositories/budgets.js';
import { createEndUserRepository } from './repositories/end-users.js';
import { createVirtualKeyRepository } from './repositories/keys.js';
import type { BudgetClock } from './repositories/limits.js';
import { createModelDeploymentRepository } from './repositories/model-deployments.js';
import { createOrganisationRepository } from './repositories/organisations.js';
import { createAgentRepository, createMcpServerRepository } from './repositories/registered-services.js';
import { createSpendRepository } from './repositories/spend.js';
import { createTeamMembershipRepository } from './repositories/team-memberships.js';
import { createTeamRepository } from './repositories/teams.js';
import { createUserRepository } from './repositories/users.js';

/** Builds every repository over one open connection. */
export function createStore(connection: Connection, clock: BudgetClock, box: SecretBox | undefined) {
  const db: Database = connection.db;
  let closed: Promise<void> | undefined;
  return {
    backend: connection.backend as Backend,
    /** The drizzle database, for queries no repository offers. */
    db,
    organisations: createOrganisationRepository(db, clock),
    teams: createTeamRepository(db, clock),
    users: createUserRepository(db, clock),
    memberships: createTeamMembershipRepository(db),
    endUsers: createEndUserRepository(db, clock),
    keys: createVirtualKeyRepository(db, clock),
    budgets: createBudgetRepository(db, clock),
    spend: createSpendRepository(db),
    deployments: createModelDeploymentRepository(db, box),
    mcpServers: createMcpServerRepository(db, box),
    agents: createAgentRepository(db, box),
    audit: createAuditRepository(db),
    /** Closes the database (idempotent). */
    close(): Promise<void> {
      closed ??= connection.close();
      return closed;
    },
  };
}

export type Store = ReturnType<typeof createStore>;
