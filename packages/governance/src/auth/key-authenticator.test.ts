import { testBackends, TEST_MASTER_SECRET, type TestBackend } from '@switchyard/store/testing';
import type { Store } from '@switchyard/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModelAllowed } from './check-key.js';
import { createKeyAuthenticator } from './key-authenticator.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('key authenticator on $name', (backend) => {
  let store: Store | undefined;
  beforeAll(async () => {
    if (backend.skipReason === undefined) store = await backend.open({ masterSecret: TEST_MASTER_SECRET });
  });
  afterAll(() => store?.close());

  it('accepts the master key and a live key, refuses unknown, expired and blocked keys with clear errors', async (context) => {
    if (!store) return context.skip();
    let clock = Date.now();
    const auth = createKeyAuthenticator({ keys: store.keys, masterKey: 'sk-master', ttlMs: 1000, now: () => clock });
    expect(await auth.authenticate('sk-master')).toEqual({ kind: 'master' });
    await expect(auth.authenticate(undefined)).rejects.toMatchObject({ kind: 'authentication', code: 'missing_api_key' });
    await expect(auth.authenticate('sk-nope')).rejects.toMatchObject({ kind: 'authentication', code: 'invalid_api_key' });

    const team = await store.teams.create({ alias: 'search', models: ['gpt-4o', 'openai/*'] });
    const { key, record } = await store.keys.create({ teamId: team.id, expiresAt: new Date(clock + 60_000) });
    const principal = await auth.authenticate(key);
    expect(principal.kind === 'key' && principal.context.team?.id).toBe(team.id);
    if (principal.kind !== 'key') throw new Error('expected a key');
    expect(() => checkModelAllowed(principal.context, 'openai/gpt-4o-mini')).not.toThrow();
    expect(() => checkModelAllowed(principal.context, 'claude')).toThrow(/team is not allowed to use model "claude"/);

    await store.keys.block(record.id);
    expect((await auth.authenticate(key)).kind).toBe('key'); // cached: bounded staleness
    auth.invalidate();
    await expect(auth.authenticate(key)).rejects.toMatchObject({ kind: 'permission', code: 'key_blocked' });
    await store.keys.unblock(record.id);
    clock += 61_000;
    await expect(auth.authenticate(key)).rejects.toMatchObject({ kind: 'authentication', code: 'key_expired' });
  });
});

describe('key authenticator while the store fails', () => {
  it('serves keys it read (within staleIfErrorMs) and refuses others with a retryable 503 that hides the cause', async () => {
    let clock = 0;
    let down = false;
    const errors: unknown[] = [];
    const context = { key: { id: 'k1', blocked: false, expiresAt: null } } as never;
    const keys = {
      authContext: async (hash: string) => {
        if (down) throw new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2');
        return hash === '' ? undefined : context;
      },
    };
    const auth = createKeyAuthenticator({ keys, ttlMs: 1000, staleIfErrorMs: 10_000, now: () => clock, onStoreError: (error) => errors.push(error) });
    expect((await auth.authenticate('sk-seen')).kind).toBe('key');
    down = true;
    clock += 5000;
    expect((await auth.authenticate('sk-seen')).kind).toBe('key');
    const refused = await auth.authenticate('sk-unseen').catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'upstream_unavailable', status: 503, code: 'database_unavailable', retryAfterMs: 1000, retryable: true });
    expect(String((refused as Error).message)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|hunter2/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    clock += 10_000;
    await expect(auth.authenticate('sk-seen')).rejects.toMatchObject({ code: 'database_unavailable' });
    down = false;
    expect((await auth.authenticate('sk-unseen')).kind).toBe('key');
  });
});
