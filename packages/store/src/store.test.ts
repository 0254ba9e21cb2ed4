import { afterAll, beforeAll, describe, it } from 'vitest';
import { budgetCases } from './repositories/budgets.cases.js';
import { identityCases } from './repositories/identity.cases.js';
import { indexCases } from './repositories/indexes.cases.js';
import { keyCases } from './repositories/keys.cases.js';
import { registryCases } from './repositories/registry.cases.js';
import { spendInsertCases } from './repositories/spend-insert.cases.js';
import { spendCases } from './repositories/spend.cases.js';
import { spendQueryCases } from './repositories/spend-queries.cases.js';
import type { Store } from './store.js';
import { TEST_MASTER_SECRET, testBackends, type StoreCase } from './testing/index.js';

const suites: Record<string, StoreCase[]> = {
  identity: identityCases,
  keys: keyCases,
  budgets: budgetCases,
  spend: spendCases,
  'spend insert': spendInsertCases,
  'spend queries': spendQueryCases,
  registry: registryCases,
  indexes: indexCases,
};


const backends = await testBackends();
for (const backend of backends) {
  if (backend.skipReason !== undefined) console.warn(`[store] skipping the ${backend.name} backend: ${backend.skipReason}`);
}

// One store per backend (PGlite's cold start takes seconds); every case makes its own ids, days and keys.
describe.each(backends)('store on $name', (backend) => {
  const run = backend.skipReason === undefined ? describe : describe.skip;
  run(backend.skipReason ?? 'repositories', () => {
    let store: Store | undefined;
    beforeAll(async () => {
      store = await backend.open({ masterSecret: TEST_MASTER_SECRET });
    }, 180_000);
    afterAll(async () => {
      await store?.close();
    });
    for (const [suite, cases] of Object.entries(suites)) {
      describe(suite, () => {
        for (const storeCase of cases) {
          it(storeCase.name, async () => {
            if (store === undefined) throw new Error('the store did not open');
            await storeCase.run(store);
          });
        }
      });
    }
  });
});
