import { createKeyAuthenticator, generateKey, newTeam, type KeyAuthenticator } from '@switchyard/governance';
import { openStore, type Store } from '@switchyard/store';
import { sampleSpendLog, uniqueId } from '@switchyard/store/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOpenAIError } from '../../../test/support/openai-error-shape.js';
import type { AppEnv } from '../../app-env.js';
import { managementRoutes, mountManagementRoutes } from './index.js';

const MASTER = 'sk-routes-master';
type Input = { query?: Record<string, string>; body?: unknown };
interface Fixture {
  teamId: string;
  memberKey: string;
  memberToken: string;
  memberUserId: string;
}
// Answers are JSON checked with matchers; indexing them needs a loose type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface RouteCase {
  happy: (f: Fixture) => Promise<Input> | Input;
  check: (json: Json, f: Fixture) => void;
  bad: Input;
  badParam: string | null;
  /** What a plain (non-admin) key gets with the happy input of its own: 200 for routes it may read, else 403. */
  plainKey: 200 | 403;
}

let store: Store;
let auth: KeyAuthenticator;
const app = new Hono<AppEnv>();
const master = { kind: 'master' } as const;

async function freshKey(extra: object = {}) {
  return generateKey(master, extra, { store, auth });
}

/** One case per route; the test below fails when a mounted route has none. */
const cases: Record<string, RouteCase> = {
  'POST /key/generate': {
    happy: () => ({ body: { key_alias: uniqueId('script'), models: ['gpt-4o'], max_budget: 5, budget_duration: '30d', duration: '1h' } }),
    check: (json) => expect(json).toMatchObject({ key: expect.stringMatching(/^sk-/), token: expect.any(String), max_budget: 5, models: ['gpt-4o'] }),
    bad: { body: { max_budget: 'five' } },
    badParam: 'max_budget',
    plainKey: 403,
  },
  'GET /key/info': {
    happy: (f) => ({ query: { key: f.memberKey } }),
    check: (json, f) => expect(json).toMatchObject({ key: f.memberToken, info: { token: f.memberToken } }),
    bad: { query: { key: '' } },
    badParam: 'key',
    plainKey: 200,
  },
  'POST /key/update': {
    happy: async () => ({ body: { key: (await freshKey()).key, max_budget: 3, metadata: { a: 1 } } }),
    check: (json) => expect(json).toMatchObject({ max_budget: 3, metadata: { a: 1 } }),
    bad: { body: { key: 'sk-x', rpm_limit: 1.5 } },
    badParam: 'rpm_limit',
    plainKey: 403,
  },
  'POST /key/delete': {
    happy: async () => ({ body: { keys: [(await freshKey()).key] } }),
    check: (json) => expect(json).toEqual({ deleted_keys: [expect.stringMatching(/^[0-9a-f]{64}$/)] }),
    bad: { body: { keys: [] } },
    badParam: 'keys',
    plainKey: 403,
  },
  'POST /key/regenerate': {
    happy: async () => ({ body: { key: (await freshKey()).token } }),
    check: (json) => expect(json).toMatchObject({ key: expect.stringMatching(/^sk-/) }),
    bad: { body: {} },
    badParam: 'key',
    plainKey: 403,
  },
  'GET /key/list': {
    happy: (f) => ({ query: { team_id: f.teamId, return_full_object: 'true' } }),
    check: (json) => expect(json).toMatchObject({ total_count: 2, current_page: 1, total_pages: 1, keys: [expect.any(Object), expect.any(Object)] }),
    bad: { query: { size: '1000' } },
    badParam: 'size',
    plainKey: 403,
  },
  'POST /key/block': {
    happy: async () => ({ body: { key: (await freshKey()).key } }),
    check: (json) => expect(json).toMatchObject({ blocked: true }),
    bad: { body: { key: 42 } },
    badParam: 'key',
    plainKey: 403,
  },
  'POST /key/unblock': {
    happy: async () => ({ body: { key: (await freshKey({ blocked: true })).key } }),
    check: (json) => expect(json).toMatchObject({ blocked: false }),
    bad: { body: { key: 'sk-a', extra: true } },
    badParam: 'extra',
    plainKey: 403,
  },
  'POST /team/new': {
    happy: () => ({ body: { team_alias: 'new team', max_budget: 10, members_with_roles: [{ user_id: uniqueId('u'), role: 'admin' }] } }),
    check: (json) => expect(json).toMatchObject({ team_id: expect.any(String), team_alias: 'new team', members_with_roles: [{ role: 'admin' }] }),
    bad: { body: { budget_duration: 'weekly' } },
    badParam: 'budget_duration',
    plainKey: 403,
  },
  'GET /team/info': {
    happy: (f) => ({ query: { team_id: f.teamId } }),
    check: (json, f) => expect(json).toMatchObject({ team_id: f.teamId, team_info: { team_id: f.teamId }, keys: expect.any(Array) }),
    bad: { query: { team: 'x' } },
    badParam: 'team',
    plainKey: 403,
  },
  'POST /team/update': {
    happy: async () => ({ body: { team_id: (await newTeam(master, {}, { store, auth })).team_id, tpm_limit: 1000 } }),
    check: (json) => expect(json).toMatchObject({ tpm_limit: 1000 }),
    bad: { body: { tpm_limit: 1000 } },
    badParam: 'team_id',
    plainKey: 403,
  },
  'POST /team/delete': {
    happy: async () => ({ body: { team_ids: [(await newTeam(master, {}, { store, auth })).team_id] } }),
    check: (json) => expect(json).toEqual({ deleted_teams: [expect.any(String)] }),
    bad: { body: { team_ids: 'all' } },
    badParam: 'team_ids',
    plainKey: 403,
  },
  'POST /team/member_add': {
    happy: async () => ({ body: { team_id: (await newTeam(master, {}, { store, auth })).team_id, member: { user_id: uniqueId('u'), role: 'user' } } }),
    check: (json) => expect(json.members_with_roles).toHaveLength(1),
    bad: { body: { team_id: 't', member: { user_id: 'u', role: 'owner' } } },
    badParam: 'member.role',
    plainKey: 403,
  },
  'POST /team/member_delete': {
    happy: async () => {
      const userId = uniqueId('u');
      const team = await newTeam(master, { members_with_roles: [{ user_id: userId }] }, { store, auth });
      return { body: { team_id: team.team_id, user_id: userId } };
    },
    check: (json) => expect(json.members_with_roles).toEqual([]),
    bad: { body: { user_id: 'u' } },
    badParam: 'team_id',
    plainKey: 403,
  },
  'GET /team/list': {
    happy: () => ({ query: {} }),
    check: (json, f) => expect(json.map((team: { team_id: string }) => team.team_id)).toContain(f.teamId),
    bad: { query: { organization_id: '' } },
    badParam: 'organization_id',
    plainKey: 403,
  },
  'POST /user/new': {
    happy: () => ({ body: { user_email: `${uniqueId('ada')}@example.com`, user_role: 'internal_user', max_budget: 1 } }),
    check: (json) => expect(json).toMatchObject({ user_id: expect.any(String), key: expect.stringMatching(/^sk-/), user_role: 'internal_user' }),
    bad: { body: { user_role: 'god' } },
    badParam: 'user_role',
    plainKey: 403,
  },
  'GET /user/info': {
    happy: (f) => ({ query: { user_id: f.memberUserId } }),
    check: (json, f) => expect(json).toMatchObject({ user_id: f.memberUserId, user_info: { user_id: f.memberUserId }, teams: [{ team_id: f.teamId }] }),
    bad: { query: { user_id: '' } },
    badParam: 'user_id',
    plainKey: 200,
  },
  'POST /user/update': {
    happy: async () => ({ body: { user_id: (await store.users.create({})).id, user_alias: 'Ada' } }),
    check: (json) => expect(json).toMatchObject({ user_alias: 'Ada' }),
    bad: { body: { user_id: 'u', max_parallel_requests: -1 } },
    badParam: 'max_parallel_requests',
    plainKey: 403,
  },
  'POST /user/delete': {
    happy: async () => ({ body: { user_ids: [(await store.users.create({})).id] } }),
    check: (json) => expect(json).toEqual({ deleted_users: [expect.any(String)] }),
    bad: { body: { user_ids: [''] } },
    badParam: 'user_ids.0',
    plainKey: 403,
  },
  'GET /user/list': {
    happy: () => ({ query: { page: '1', page_size: '5' } }),
    check: (json) => expect(json).toMatchObject({ page: 1, page_size: 5, users: expect.any(Array), total: expect.any(Number) }),
    bad: { query: { page: 'first' } },
    badParam: 'page',
    plainKey: 403,
  },
  'POST /customer/new': {
    happy: () => ({ body: { user_id: uniqueId('customer'), max_budget: 2, allowed_model_region: 'eu' } }),
    check: (json) => expect(json).toMatchObject({ max_budget: 2, allowed_model_region: 'eu', litellm_budget_table: { max_budget: 2 } }),
    bad: { body: { user_id: 'c', default_model: '' } },
    badParam: 'default_model',
    plainKey: 403,
  },
  'GET /customer/info': {
    happy: async () => ({ query: { end_user_id: (await store.endUsers.create({ id: uniqueId('customer') })).id } }),
    check: (json) => expect(json).toMatchObject({ user_id: expect.any(String), spend: 0 }),
    bad: { query: {} },
    badParam: 'end_user_id',
    plainKey: 403,
  },
  'POST /customer/update': {
    happy: async () => ({ body: { user_id: (await store.endUsers.create({ id: uniqueId('customer') })).id, blocked: true } }),
    check: (json) => expect(json).toMatchObject({ blocked: true }),
    bad: { body: { user_id: 'c', blocked: 'yes' } },
    badParam: 'blocked',
    plainKey: 403,
  },
  'POST /customer/delete': {
    happy: async () => ({ body: { user_ids: [(await store.endUsers.create({ id: uniqueId('customer') })).id] } }),
    check: (json) => expect(json).toEqual({ deleted_customers: [expect.any(String)] }),
    bad: { body: {} },
    badParam: 'user_ids',
    plainKey: 403,
  },
  'GET /customer/list': {
    happy: () => ({ query: {} }),
    check: (json) => expect(Array.isArray(json)).toBe(true),
    bad: { query: { page: '1' } },
    badParam: 'page',
    plainKey: 403,
  },
  'GET /spend/logs': {
    happy: (f) => ({ query: { api_key: f.memberKey, start_date: '2032-01-01', end_date: '2032-01-31' } }),
    check: (json, f) => expect(json).toEqual([expect.objectContaining({ api_key: f.memberToken, spend: 0.01, model_group: 'gpt-4o' })]),
    bad: { query: { end_date: '31/01/2032' } },
    badParam: 'end_date',
    plainKey: 200,
  },
  'GET /global/spend/report': {
    happy: () => ({ query: { start_date: '2032-01-01', end_date: '2032-01-31', group_by: 'team' } }),
    check: (json, f) => expect(json).toContainEqual(expect.objectContaining({ team_id: f.teamId, total_spend: 0.01 })),
    bad: { query: { start_date: '2032-01-01' } },
    badParam: 'end_date',
    plainKey: 403,
  },
  'GET /model/info': {
    happy: () => ({ query: {} }),
    check: (json) => expect(json).toEqual({ data: expect.any(Array) }),
    bad: { query: { model: 'x' } },
    badParam: 'model',
    plainKey: 200,
  },
  'POST /model/new': {
    happy: () => ({ body: { model_name: 'stored', litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'sk-upstream' } } }),
    check: (json) => {
      expect(json).toMatchObject({ model_name: 'stored', model_info: { db_model: true, secret_fields: ['api_key'] } });
      expect(JSON.stringify(json)).not.toContain('sk-upstream');
    },
    bad: { body: { model_name: 'x' } },
    badParam: 'litellm_params',
    plainKey: 403,
  },
  'POST /model/update': {
    happy: async () => ({ body: { model_info: { id: (await store.deployments.create({ modelGroup: 'g', provider: 'openai', model: 'm' })).id }, litellm_params: { rpm: 5 } } }),
    check: (json) => expect(json).toMatchObject({ litellm_params: { rpm: 5 } }),
    bad: { body: { model_info: {} } },
    badParam: 'model_info.id',
    plainKey: 403,
  },
  'POST /model/delete': {
    happy: async () => ({ body: { id: (await store.deployments.create({ modelGroup: 'g', provider: 'openai', model: 'm' })).id } }),
    check: (json) => expect(json).toMatchObject({ deleted: true }),
    bad: { body: { id: '' } },
    badParam: 'id',
    plainKey: 403,
  },
};

function request(method: string, path: string, input: Input, key?: string) {
  const query = input.query === undefined ? '' : `?${new URLSearchParams(input.query).toString()}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['authorization'] = `Bearer ${key}`;
  const init = method === 'GET' ? { method, headers } : { method, headers, body: JSON.stringify(input.body ?? {}) };
  return app.request(`${path}${query}`, init);
}

let fixture: Fixture;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://', masterSecret: 'routes-test-secret' });
  auth = createKeyAuthenticator({ keys: store.keys, masterKey: MASTER });
  mountManagementRoutes(app, { store, auth });
  const adminUser = uniqueId('team-admin');
  const memberUserId = uniqueId('member');
  const team = await newTeam(master, { members_with_roles: [{ user_id: adminUser, role: 'admin' }, { user_id: memberUserId }] }, { store, auth });
  await freshKey({ team_id: team.team_id, user_id: adminUser });
  const member = await freshKey({ team_id: team.team_id, user_id: memberUserId });
  await store.spend.record([sampleSpendLog({ keyHash: member.token, teamId: team.team_id, userId: memberUserId, startedAt: new Date('2032-01-10T10:00:00Z') })]);
  fixture = { teamId: team.team_id, memberKey: member.key, memberToken: member.token, memberUserId };
});
afterAll(() => store.close());

const routeNames = managementRoutes.filter(([, path]) => path !== '/v1/model/info').map(([method, path]) => `${method.toUpperCase()} ${path}`);

describe('management routes over HTTP', () => {
  it('has a case for every mounted route', () => expect(Object.keys(cases).sort()).toEqual([...routeNames].sort()));

  describe.each(routeNames)('%s', (name) => {
    const [method, path] = name.split(' ') as [string, string];
    const routeCase = cases[name]!;

    it('answers LiteLLM-shaped JSON to the master key', async () => {
      const response = await request(method, path, await routeCase.happy(fixture), MASTER);
      const json = await response.json();
      expect({ status: response.status, json }).toMatchObject({ status: 200 });
      routeCase.check(json, fixture);
    });

    it('refuses bad input with a 400 naming the field', async () => {
      const response = await request(method, path, routeCase.bad, MASTER);
      const json = await response.json();
      expect(response.status).toBe(400);
      expectOpenAIError(json, { type: 'invalid_request_error', param: routeCase.badParam });
    });

    it('refuses a missing or unknown key with 401 and a plain key as its rules say', async () => {
      const input = await routeCase.happy(fixture);
      const missing = await request(method, path, input);
      expect(missing.status).toBe(401);
      expectOpenAIError(await missing.json(), { type: 'authentication_error', code: 'missing_api_key' });
      const unknown = await request(method, path, input, 'sk-not-a-key-of-this-gateway');
      expect(unknown.status).toBe(401);
      expectOpenAIError(await unknown.json(), { code: 'invalid_api_key' });
      const plain = await request(method, path, routeCase.plainKey === 200 ? await routeCase.happy(fixture) : input, fixture.memberKey);
      expect(plain.status).toBe(routeCase.plainKey);
      if (routeCase.plainKey === 403) expectOpenAIError(await plain.json(), { type: 'permission_error' });
    });
  });

  it('takes the key in the path of POST /key/{key}/regenerate, and answers invalid JSON and huge bodies precisely', async () => {
    const key = await freshKey();
    const regenerated = await app.request(`/key/${key.token}/regenerate`, { method: 'POST', headers: { authorization: `Bearer ${MASTER}` } });
    expect(regenerated.status).toBe(200);
    expect(((await regenerated.json()) as { key: string }).key).not.toBe(key.key);
    const broken = await app.request('/key/generate', { method: 'POST', headers: { authorization: `Bearer ${MASTER}` }, body: '{"max_budget": ' });
    expect(broken.status).toBe(400);
    expectOpenAIError(await broken.json(), { code: 'invalid_json' });
    const huge = await app.request('/key/generate', { method: 'POST', headers: { authorization: `Bearer ${MASTER}` }, body: `{"metadata":{"x":"${'a'.repeat(1_100_000)}"}}` });
    expect(huge.status).toBe(413);
    const alias = await request('GET', '/end_user/list', {}, MASTER);
    expect(alias.status).toBe(200);
  });
});
