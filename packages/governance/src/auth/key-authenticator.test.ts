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
