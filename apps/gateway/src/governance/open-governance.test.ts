import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { governanceMasterKey, openGovernance } from './open-governance.js';

const logger = createLogger({ level: 'silent' });

describe('governanceMasterKey', () => {
  it('takes the config key, then SWITCHYARD_MASTER_KEY, then LITELLM_MASTER_KEY; empty values do not count', () => {
    const env = { SWITCHYARD_MASTER_KEY: 'sk-env', LITELLM_MASTER_KEY: 'sk-litellm' };
    expect(governanceMasterKey({ masterKey: 'sk-config' }, env)).toBe('sk-config');
    expect(governanceMasterKey({ masterKey: undefined }, env)).toBe('sk-env');
    expect(governanceMasterKey({ masterKey: '' }, { SWITCHYARD_MASTER_KEY: '', LITELLM_MASTER_KEY: 'sk-litellm' })).toBe('sk-litellm');
    expect(governanceMasterKey({ masterKey: undefined }, {})).toBeUndefined();
  });
});

describe('openGovernance', () => {
  it('opens nothing without a master key', async () => {
    expect(await openGovernance({ config: { masterKey: undefined, databaseUrl: undefined }, env: {}, logger })).toBeUndefined();
  });

  it('opens PGlite with in-process counters, and close() flushes the queued spend logs first', async () => {
    const runtime = await openGovernance({
      config: { masterKey: undefined, databaseUrl: undefined },
      env: { SWITCHYARD_MASTER_KEY: 'sk-open', SWITCHYARD_DATA_DIR: 'memory://', SWITCHYARD_SPEND_FLUSH_INTERVAL_MS: '600000' },
      logger,
    });
    expect(runtime?.store.backend).toBe('pglite');
    expect(await runtime!.auth.authenticate('sk-open')).toEqual({ kind: 'master' });
    const now = new Date();
    runtime!.spend.add({ requestId: 'r-1', modelGroup: 'm', cost: 0.5, latencyMs: 1, status: 'success', startedAt: now, endedAt: now });
    const store = runtime!.store;
    const read = store.spend.logs.bind(store.spend);
    expect((await read({})).items).toHaveLength(0);
    let logsAtClose = -1;
    const close = store.close.bind(store);
    store.close = async () => {
      logsAtClose = (await read({})).items.length;
      return close();
    };
    await runtime!.close();
    expect(logsAtClose).toBe(1);
  });
});
