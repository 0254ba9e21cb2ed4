import { testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { generateKey } from './keys.js';
import type { ConfiguredDeployments } from './management-deps.js';
import { isSecretParam } from './model-params.js';
import { deleteModel, modelInfo, newModel, updateModel } from './models.js';

const backends: TestBackend[] = await testBackends();
const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const UPSTREAM_SECRET = 'sk-upstream-never-answered';

/** Two configured deployments; the second is cooling down for 30 s. */
const router: ConfiguredDeployments = {
  deployments: [
    { id: 'cfg-1', slot: 0, modelGroup: 'gpt-4o', providerId: 'openai', model: 'openai/gpt-4o', params: { model: 'openai/gpt-4o', api_key: UPSTREAM_SECRET, rpm: 100 }, info: { id: 'cfg-1' } },
    { id: 'cfg-2', slot: 1, modelGroup: 'claude', providerId: 'anthropic', model: 'anthropic/claude', params: { model: 'anthropic/claude', aws_secret_access_key: UPSTREAM_SECRET }, info: {} },
    // A stored deployment the gateway loaded when it started.
    { id: 'loaded-1', slot: 2, modelGroup: 'loaded', providerId: 'openai', model: 'openai/gpt-4o-mini', params: { model: 'openai/gpt-4o-mini', api_key: UPSTREAM_SECRET }, info: {} },
  ],
  state: {
    view: {
      cooldownUntil: (slot) => (slot === 1 ? NOW + 30_000 : 0),
      inFlight: (slot) => slot + 1,
      requestsThisMinute: () => 7,
      failuresThisMinute: (slot) => slot * 3,
    },
  },
};

describe('secret parameter names', () => {
  it.each(['api_key', 'aws_secret_access_key', 'aws_session_token', 'vertex_credentials', 'azure_ad_token', 'client_secret', 'password'])('%s is secret', (name) =>
    expect(isSecretParam(name)).toBe(true),
  );
  it.each(['max_tokens', 'input_cost_per_token', 'cache_read_input_token_cost', 'api_base', 'api_version', 'region_name'])('%s is not', (name) =>
    expect(isSecretParam(name)).toBe(false),
  );
});

describe.each(backends)('model deployments on $name', (backend) => {
  const suite = useManagementSuite(backend, { router, now: () => new Date(NOW) });

  it('stores a deployment with write-only secrets, lists it with the configured ones and their health', async (context) => {
    if (!suite.store) return context.skip();
    const id = uniqueId('stored');
    const created = await newModel(
      suite.fx.master,
      {
        model_name: 'gpt-4o',
        litellm_params: { model: 'azure/gpt-4o-eu', api_base: 'https://eu.example.com', api_key: UPSTREAM_SECRET, api_version: '2024-10-21', rpm: 600 },
        model_info: { id, input_cost_per_token: 2.5e-6 },
      },
      suite.fx.deps,
    );
    expect(created).toEqual({
      model_name: 'gpt-4o',
      litellm_params: { model: 'azure/gpt-4o-eu', api_base: 'https://eu.example.com', api_version: '2024-10-21', rpm: 600 },
      model_info: expect.objectContaining({ id, db_model: true, enabled: true, secret_fields: ['api_key'], input_cost_per_token: 2.5e-6, health: null }),
    });
    expect((await suite.store.deployments.getWithSecrets(id))?.secrets).toEqual({ api_key: UPSTREAM_SECRET });

    const { data } = await modelInfo(suite.fx.master, {}, suite.fx.deps);
    const text = JSON.stringify(data);
    expect(text).not.toContain(UPSTREAM_SECRET);
    expect(data.find((entry) => entry.model_info.id === 'cfg-1')).toMatchObject({
      model_name: 'gpt-4o',
      litellm_params: { model: 'openai/gpt-4o', rpm: 100 },
      model_info: { db_model: false, secret_fields: ['api_key'], health: { status: 'healthy', cooldown_until: null, in_flight: 1, requests_this_minute: 7 }, health_status: 'healthy' },
    });
    expect(data.find((entry) => entry.model_info.id === 'cfg-2')?.model_info.health).toEqual({
      status: 'cooldown',
      cooldown_until: '2026-11-27T10:00:30.000Z',
      in_flight: 2,
      requests_this_minute: 7,
      failures_this_minute: 3,
    });
    expect(data.find((entry) => entry.model_info.id === 'cfg-2')?.model_info).toMatchObject({ health_status: 'cooldown', cooldown_until: '2026-11-27T10:00:30.000Z' });
    expect((await modelInfo(suite.fx.master, { litellm_model_id: id }, suite.fx.deps)).data).toHaveLength(1);
  });

  it('updates by merging parameters and secrets, deletes, and refuses configured deployments', async (context) => {
    if (!suite.store) return context.skip();
    const id = uniqueId('stored');
    await newModel(suite.fx.master, { model_name: 'm', litellm_params: { model: 'openai/gpt-4o-mini', api_key: 'one', organization: 'org-1' }, model_info: { id } }, suite.fx.deps);
    const updated = await updateModel(
      suite.fx.master,
      { model_info: { id, max_tokens: 4096 }, litellm_params: { api_key: 'two', aws_session_token: 'three', tpm: 1000 } },
      suite.fx.deps,
    );
    expect(updated).toMatchObject({
      litellm_params: { model: 'openai/gpt-4o-mini', organization: 'org-1', tpm: 1000 },
      model_info: { id, max_tokens: 4096, secret_fields: ['api_key', 'aws_session_token'] },
    });
    expect((await suite.store.deployments.getWithSecrets(id))?.secrets).toEqual({ api_key: 'two', aws_session_token: 'three' });
    await updateModel(suite.fx.master, { model_info: { id }, model_name: 'renamed', litellm_params: { aws_session_token: null } }, suite.fx.deps);
    expect(await suite.store.deployments.getWithSecrets(id)).toMatchObject({ modelGroup: 'renamed', secrets: { api_key: 'two' } });
    const audit = await suite.store.audit.list({ entityType: 'model_deployment', entityId: id });
    expect(JSON.stringify(audit.items)).not.toMatch(/"(one|two|three)"/);

    await expect(updateModel(suite.fx.master, { model_info: { id: 'cfg-1' }, model_name: 'x' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'id' });
    await expect(deleteModel(suite.fx.master, { id: 'cfg-1' }, suite.fx.deps)).rejects.toMatchObject({ status: 400 });
    await expect(newModel(suite.fx.master, { model_name: 'x', litellm_params: { model: 'openai/x' }, model_info: { id: 'cfg-1' } }, suite.fx.deps)).rejects.toMatchObject({ status: 409 });
    expect(await deleteModel(suite.fx.master, { id }, suite.fx.deps)).toMatchObject({ id, deleted: true });
    await expect(deleteModel(suite.fx.master, { id }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'id' });
  });

  it('lists a stored deployment the router loaded once, with the router’s health, and lets it be changed', async (context) => {
    if (!suite.store) return context.skip();
    // Stored before this gateway started, so its router loaded it.
    await suite.store.deployments.create({ id: 'loaded-1', modelGroup: 'loaded', provider: 'openai', model: 'gpt-4o-mini', secrets: { api_key: 'k' } });
    const entries = (await modelInfo(suite.fx.master, {}, suite.fx.deps)).data.filter((entry) => entry.model_info.id === 'loaded-1');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.model_info).toMatchObject({ db_model: true, health_status: 'healthy', health: { in_flight: 3 } });
    expect(await updateModel(suite.fx.master, { model_info: { id: 'loaded-1' }, litellm_params: { rpm: 9 } }, suite.fx.deps)).toMatchObject({ litellm_params: { rpm: 9 } });
    expect(await deleteModel(suite.fx.master, { id: 'loaded-1' }, suite.fx.deps)).toMatchObject({ deleted: true });
  });

  it('shows a non-admin key only the groups it may use, and refuses its writes', async (context) => {
    if (!suite.store) return context.skip();
    const key = await suite.fx.as((await generateKey(suite.fx.master, { models: ['claude'] }, suite.fx.deps)).key);
    const { data } = await modelInfo(key, {}, suite.fx.deps);
    expect(new Set(data.map((entry) => entry.model_name))).toEqual(new Set(['claude']));
    await expect(newModel(key, { model_name: 'x', litellm_params: { model: 'openai/x' } }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(newModel(suite.fx.master, { model_name: 'x', litellm_params: {} }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'litellm_params.model' });
    await expect(newModel(suite.fx.master, { model_name: 'x', litellm_params: { model: 'a/b', api_base: 'not a url' } }, suite.fx.deps)).rejects.toMatchObject({
      status: 400,
      param: 'litellm_params.api_base',
    });
    await expect(updateModel(suite.fx.master, { model_name: 'x' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'model_info' });
  });
});
