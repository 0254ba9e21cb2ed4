import type { SpendLog } from '@switchyard/store';
import { expect } from 'vitest';
import type { GovernanceRuntime } from '../../src/governance/governance-runtime.js';

/** The one spend log of a key, once the buffer has written it (flushes and polls; fails when none comes). */
export async function onlySpendLog(runtime: Pick<GovernanceRuntime, 'spend' | 'store'>, keyHash: string): Promise<SpendLog> {
  for (let attempt = 0; attempt < 200; attempt++) {
    await runtime.spend.flush();
    const { items } = await runtime.store.spend.logs({ keyHash });
    if (items.length > 0) {
      expect(items).toHaveLength(1);
      return items[0]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no spend log');
}
