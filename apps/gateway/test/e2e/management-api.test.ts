import { sampleSpendLog } from '@switchyard/store/testing';
import { AuthenticationError, PermissionDeniedError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../support/openai-error-shape.js';
import { scenarioParams, startHarness, upstreamSecret, type Harness } from '../support/gateway-harness.js';

const masterKey = 'sk-management-e2e-master';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(
    `model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('')}
    model_info: {id: demo-1}
`,
    { governanceEnv: { SWITCHYARD_MASTER_KEY: masterKey } },
  );
});
afterAll(() => harness.close());

// Answers are JSON checked with matchers; indexing them needs a loose type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** What a LiteLLM script does: JSON over HTTP with a Bearer key. */
async function call(method: 'GET' | 'POST', path: string, key: string | undefined, input: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
  const query = method === 'GET' ? `?${new URLSearchParams(input as Record<string, string>).toString()}` : '';
  const response = await fetch(`${harness.url}${path}${query}`, { method, headers, ...(method === 'POST' ? { body: JSON.stringify(input) } : {}) });
  return { status: response.status, json: (await response.json()) as Json };
}

const chat = (key: string) => harness.client({ apiKey: key }).chat.completions.create({ model: 'demo', messages: [{ role: 'user', content: 'hi' }] });

describe('the management API of a running gateway', () => {
  it('runs a LiteLLM key script: generate, info, update, block, unblock, regenerate, delete', async () => {
    const generated = await call('POST', '/key/generate', masterKey, { key_alias: 'script-key', max_budget: 10, models: ['demo'], duration: '30d', metadata: { team: 'search' } });
    expect(generated.status).toBe(200);
    const key: string = generated.json.key;
    expect(generated.json).toMatchObject({ key_alias: 'script-key', max_budget: 10, models: ['demo'], expires: expect.any(String) });
    expect((await chat(key)).choices[0]?.message).toBeDefined();

    const later: unknown[] = [];
    const info = await call('GET', '/key/info', masterKey, { key });
    later.push(info.json);
    expect(info).toMatchObject({ status: 200, json: { key: generated.json.token, info: { key_alias: 'script-key', max_budget: 10 } } });
    const own = await call('GET', '/key/info', key);
    later.push(own.json);
    expect(own).toMatchObject({ status: 200, json: { info: { key_alias: 'script-key' } } });
    const updated = await call('POST', '/key/update', masterKey, { key, max_budget: 20, rpm_limit: 100 });
    later.push(updated.json);
    expect(updated).toMatchObject({ status: 200, json: { max_budget: 20, rpm_limit: 100 } });

    later.push((await call('POST', '/key/block', masterKey, { key })).json);
    expect(await chat(key).catch((error: unknown) => error)).toBeInstanceOf(PermissionDeniedError);
    later.push((await call('POST', '/key/unblock', masterKey, { key })).json);
    expect((await chat(key)).choices).toHaveLength(1);

    const regenerated = await call('POST', '/key/regenerate', masterKey, { key });
    expect(regenerated.status).toBe(200);
    const newKey: string = regenerated.json.key;
    expect(await chat(key).catch((error: unknown) => error)).toBeInstanceOf(AuthenticationError);
    expect((await chat(newKey)).choices).toHaveLength(1);
    later.push((await call('GET', '/key/list', masterKey, { return_full_object: 'true' })).json);
    const deleted = await call('POST', '/key/delete', masterKey, { keys: [newKey] });
    later.push(deleted.json);
    expect(deleted).toEqual({ status: 200, json: { deleted_keys: [regenerated.json.token] } });
    expect(await chat(newKey).catch((error: unknown) => error)).toBeInstanceOf(AuthenticationError);

    const lines = harness.logs.filter((line) => line['msg'] === 'management request');
    expect(lines).toContainEqual(expect.objectContaining({ method: 'POST', route: '/key/generate', status: 200, requestId: expect.any(String) }));
    expect(lines).toContainEqual(expect.objectContaining({ method: 'GET', route: '/key/info', status: 200 }));
    for (const secret of [key, newKey, masterKey]) {
      expect(JSON.stringify(later)).not.toContain(secret);
      expect(harness.rawLogs.join('\n')).not.toContain(secret);
    }
  });

  it('keeps team A’s keys and spend out of team B’s reach, and refuses non-admin writes', async () => {
    const team = async (alias: string) => {
      const admin = `${alias}-admin-${Date.now()}`;
      const created = await call('POST', '/team/new', masterKey, { team_alias: alias, members_with_roles: [{ user_id: admin, role: 'admin' }] });
      const adminKey = await call('POST', '/key/generate', masterKey, { team_id: created.json.team_id, user_id: admin });
      const memberKey = await call('POST', '/key/generate', masterKey, { team_id: created.json.team_id });
      return { id: created.json.team_id as string, admin: adminKey.json, member: memberKey.json };
    };
    const a = await team('team-a');
    const b = await team('team-b');
    const store = harness.gateway.governance!.store;
    const startedAt = new Date('2033-05-05T12:00:00Z');
    await store.spend.record([
      sampleSpendLog({ keyHash: a.member.token, teamId: a.id, startedAt }),
      sampleSpendLog({ keyHash: b.member.token, teamId: b.id, startedAt }),
    ]);

    const listed = await call('GET', '/key/list', a.admin.key);
    expect(listed.status).toBe(200);
    expect(new Set(listed.json.keys)).toEqual(new Set([a.admin.token, a.member.token]));
    const spendA = await call('GET', '/spend/logs', a.admin.key, { start_date: '2033-05-05', end_date: '2033-05-05' });
    expect(spendA.json.map((row: { team_id: string }) => row.team_id)).toEqual([a.id]);

    for (const [path, query] of [
      ['/key/list', { team_id: b.id }],
      ['/key/info', { key: b.member.token }],
      ['/spend/logs', { team_id: b.id }],
      ['/spend/logs', { api_key: b.member.token }],
      ['/team/info', { team_id: b.id }],
      ['/global/spend/report', { start_date: '2033-05-05', end_date: '2033-05-05' }],
    ] as const) {
      const refused = await call('GET', path, a.admin.key, query);
      expect({ path, query, status: refused.status }).toEqual({ path, query, status: 403 });
      expectOpenAIError(refused.json, { type: 'permission_error' });
    }
    const ownSpend = await call('GET', '/spend/logs', b.member.key, { start_date: '2033-05-05' });
    expect(ownSpend.json.map((row: { api_key: string }) => row.api_key)).toEqual([b.member.token]);
    expect((await call('POST', '/key/generate', b.member.key, {})).status).toBe(403);
    expect((await call('POST', '/team/new', a.admin.key, {})).status).toBe(403);
    expect((await call('POST', '/key/generate', undefined, {})).status).toBe(401);
    expect((await call('GET', '/key/list', 'sk-no-such-key')).status).toBe(401);
  });

  it('lists the configured deployment with its health and a stored one, never a secret', async () => {
    const stored = await call('POST', '/model/new', masterKey, { model_name: 'demo-stored', litellm_params: { model: 'openai/gpt-4o-mini', api_key: upstreamSecret } });
    expect(stored.status).toBe(200);
    const info = await call('GET', '/model/info', masterKey);
    expect(info.status).toBe(200);
    expect(info.json.data).toContainEqual(
      expect.objectContaining({
        model_name: 'demo',
        model_info: expect.objectContaining({ id: 'demo-1', db_model: false, secret_fields: ['api_key'], health: expect.objectContaining({ status: 'healthy' }) }),
      }),
    );
    expect(info.json.data).toContainEqual(expect.objectContaining({ model_name: 'demo-stored', model_info: expect.objectContaining({ db_model: true }) }));
    expect(JSON.stringify(info.json)).not.toContain(upstreamSecret);
    expect(harness.rawLogs.join('\n')).not.toContain(upstreamSecret);
  });
});
