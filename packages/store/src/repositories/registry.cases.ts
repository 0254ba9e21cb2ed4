import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createSecretBox } from '../crypto/secret-box.js';
import { modelDeployments } from '../schema/index.js';
import { createStore, type Store } from '../store.js';
import type { StoreCase } from '../testing/index.js';
import { uniqueId } from '../testing/index.js';

function sameDatabase(store: Store, box: Awaited<ReturnType<typeof createSecretBox>> | undefined): Store {
  const clock = { now: () => new Date(), timeZone: 'UTC' };
  return createStore({ db: store.db, backend: store.backend, close: async () => {} }, clock, box);
}

async function rawDeployment(store: Store, id: string) {
  const [row] = await store.db.select().from(modelDeployments).where(eq(modelDeployments.id, id));
  return row;
}

export const registryCases: StoreCase[] = [
  {
    name: 'encrypts deployment secrets at rest and returns them only when asked',
    async run(store) {
      const apiKey = `sk-provider-${uniqueId('secret')}`;
      const modelGroup = uniqueId('gpt-4o');
      const created = await store.deployments.create(
        { modelGroup, provider: 'azure', model: 'gpt-4o', apiBase: 'https://eu.example.com', params: { api_version: '2024-10-21' }, rpm: 600, secrets: { api_key: apiKey } },
        { actor: 'admin' },
      );
      expect(created).toMatchObject({ modelGroup, secretNames: ['api_key'], params: { api_version: '2024-10-21' } });
      expect(JSON.stringify(created)).not.toContain(apiKey);
      const raw = await rawDeployment(store, created.id);
      expect(raw?.secretsCiphertext).toMatch(/^v1\.[0-9a-f]{8}\./);
      expect(JSON.stringify(raw)).not.toContain(apiKey);
      expect((await store.deployments.getWithSecrets(created.id))?.secrets).toEqual({ api_key: apiKey });
      expect((await store.deployments.listWithSecrets({ modelGroup })).items.map((row) => row.secrets)).toEqual([{ api_key: apiKey }]);
      expect((await store.deployments.list({ modelGroup })).items).toEqual([created]);
      const audit = await store.audit.list({ entityType: 'model_deployment', entityId: created.id });
      expect(JSON.stringify(audit.items)).not.toContain(apiKey);
      expect(JSON.stringify(audit.items)).not.toContain(raw?.secretsCiphertext);
    },
  },
  {
    name: 'replaces, keeps or clears secrets on update',
    async run(store) {
      const created = await store.deployments.create({ modelGroup: 'claude', provider: 'anthropic', model: 'claude-sonnet-4-5', secrets: { api_key: 'one' } });
      await store.deployments.update(created.id, { rpm: 10 });
      expect((await store.deployments.getWithSecrets(created.id))?.secrets).toEqual({ api_key: 'one' });
      const replaced = await store.deployments.update(created.id, { secrets: { aws_access_key_id: 'id', aws_secret_access_key: 'two' } });
      expect(replaced.secretNames).toEqual(['aws_access_key_id', 'aws_secret_access_key']);
      expect((await store.deployments.getWithSecrets(created.id))?.secrets).toEqual({ aws_access_key_id: 'id', aws_secret_access_key: 'two' });
      const cleared = await store.deployments.update(created.id, { secrets: null, enabled: false });
      expect(cleared).toMatchObject({ secretNames: [], enabled: false });
      expect((await store.deployments.getWithSecrets(created.id))?.secrets).toEqual({});
      expect((await rawDeployment(store, created.id))?.secretsCiphertext).toBeNull();
      await store.deployments.delete(created.id);
      expect(await store.deployments.get(created.id)).toBeUndefined();
    },
  },
  {
    name: 'refuses to decrypt under another master secret, or without one',
    async run(store) {
      const created = await store.deployments.create({ modelGroup: 'm', provider: 'openai', model: 'gpt-4o', secrets: { api_key: 'k' } });
      const wrong = sameDatabase(store, await createSecretBox({ masterSecret: 'not the suite master secret' }));
      await expect(wrong.deployments.getWithSecrets(created.id)).rejects.toMatchObject({ kind: 'secret' });
      const none = sameDatabase(store, undefined);
      await expect(none.deployments.getWithSecrets(created.id)).rejects.toMatchObject({ kind: 'secret' });
      await expect(none.deployments.create({ modelGroup: 'm', provider: 'openai', model: 'x', secrets: { api_key: 'k' } })).rejects.toMatchObject({ kind: 'secret' });
      expect(await none.deployments.create({ modelGroup: 'm', provider: 'openai', model: 'no-secrets' })).toMatchObject({ secretNames: [] });
      expect((await none.deployments.get(created.id))?.secretNames).toEqual(['api_key']);
    },
  },
  {
    name: 'binds a ciphertext to its row: copied into another row it does not decrypt',
    async run(store) {
      const first = await store.deployments.create({ modelGroup: 'a', provider: 'openai', model: 'a', secrets: { api_key: 'first' } });
      const second = await store.deployments.create({ modelGroup: 'b', provider: 'openai', model: 'b', secrets: { api_key: 'second' } });
      const stolen = (await rawDeployment(store, first.id))?.secretsCiphertext ?? null;
      await store.db.update(modelDeployments).set({ secretsCiphertext: stolen }).where(eq(modelDeployments.id, second.id));
      await expect(store.deployments.getWithSecrets(second.id)).rejects.toMatchObject({ kind: 'secret' });
      expect((await store.deployments.getWithSecrets(first.id))?.secrets).toEqual({ api_key: 'first' });
    },
  },
  {
    name: 'registers MCP servers with unique names, encrypted secrets and config',
    async run(store) {
      const name = uniqueId('github');
      const server = await store.mcpServers.create({ name, url: 'https://mcp.example.com/mcp', config: { transport: 'streamable-http' }, secrets: { authorization: 'Bearer t' } });
      expect(server).toMatchObject({ name, enabled: true, secretNames: ['authorization'], config: { transport: 'streamable-http' } });
      expect((await store.mcpServers.findByName(name))?.id).toBe(server.id);
      expect(await store.mcpServers.findByName(uniqueId('nothing'))).toBeUndefined();
      await expect(store.mcpServers.create({ name })).rejects.toMatchObject({ kind: 'conflict' });
      expect((await store.mcpServers.getWithSecrets(server.id))?.secrets).toEqual({ authorization: 'Bearer t' });
      await store.mcpServers.update(server.id, { enabled: false, description: 'off for now' });
      const enabled = await store.mcpServers.list({ enabled: true, limit: 1000 });
      expect(enabled.items.some((row) => row.id === server.id)).toBe(false);
      expect((await store.audit.list({ entityType: 'mcp_server', entityId: server.id })).items).toHaveLength(2);
    },
  },
  {
    name: 'registers A2A agents in their own table, so a name may be both a server and an agent',
    async run(store) {
      const name = uniqueId('planner');
      await store.mcpServers.create({ name });
      const agent = await store.agents.create({ name, url: 'https://agents.example.com/planner', config: { card: { name } }, secrets: { api_key: 'a' } });
      expect((await store.agents.findByName(name))?.id).toBe(agent.id);
      expect((await store.agents.getWithSecrets(agent.id))?.secrets).toEqual({ api_key: 'a' });
      expect(await store.mcpServers.get(agent.id)).toBeUndefined();
      await store.agents.delete(agent.id, { actor: 'admin' });
      expect(await store.agents.get(agent.id)).toBeUndefined();
      expect((await store.audit.list({ entityType: 'agent', entityId: agent.id, actor: 'admin' })).items).toMatchObject([{ action: 'delete' }]);
    },
  },
];
