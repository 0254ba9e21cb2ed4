import type { GovernanceRuntime } from '../governance/governance-runtime.js';

/** What the MCP and A2A routes use of the governance runtime: key auth, the limiter, the spend buffer and the store. */
export type ServiceGovernance = Pick<GovernanceRuntime, 'store' | 'auth' | 'limiter' | 'spend'>;
