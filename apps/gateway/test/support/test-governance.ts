import type { SpendLog, VirtualKeyInput } from '@switchyard/store';
import type { Gateway } from '../../src/gateway.js';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';

/** The master key the MCP and A2A test gateways are configured with. */
export const servicesMasterKey = 'sk-master-services-test';

export interface TestGovernance {
  runtime: GovernanceRuntime;
  masterKey: string;
  /** Issues a virtual key (with `objectPermission`, limits, ...) in the gateway's store and returns the raw key. */
  issueKey(input?: VirtualKeyInput): Promise<string>;
  /** Flushes the spend buffer and returns the spend logs whose model group starts with `prefix` (`mcp/`, `a2a/`). */
  spendLogs(prefix: string): Promise<SpendLog[]>;
}

/** Helpers over a test gateway's own governance runtime (its store is an in-memory PGlite). */
export function testGovernance(gateway: Gateway): TestGovernance {
  const runtime = gateway.governance;
  if (runtime === undefined) throw new Error('the test gateway has no master key, so no governance');
  return {
    runtime,
    masterKey: runtime.masterKey,
    async issueKey(input = {}) {
      return (await runtime.store.keys.create(input)).key;
    },
    async spendLogs(prefix) {
      await runtime.spend.flush();
      const logs = await runtime.store.spend.logs({ limit: 1000 });
      return logs.items.filter((log) => log.modelGroup.startsWith(prefix));
    },
  };
}
