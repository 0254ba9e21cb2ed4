import type { Store, VirtualKey } from '@switchyard/store';
import type { Principal } from '../auth/principal.js';
import { actorOf, requireAdmin, requireKeyVisible, visibilityOf } from './access.js';
import { compact, limitsFrom } from './input-fields.js';
import { expiryFrom } from './key-expiry.js';
import { describeKeyReference, findKey, requireKey } from './key-lookup.js';
import {
  deleteKeysSchema,
  generateKeySchema,
  keyInfoQuery,
  keyReferenceSchema,
  listKeysQuery,
  regenerateKeySchema,
  updateKeySchema,
  type KeyFieldsInput,
} from './key-schemas.js';
import { nowOf, type ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { parseInput } from './parse-input.js';
import { ensureUser } from './references.js';
import { keyView } from './views.js';

type KeyFields = Omit<KeyFieldsInput, 'key'>;

function objectPermissionOf(input: KeyFields['object_permission']) {
  if (input === undefined || input === null) return input;
  return compact({ mcpServers: input.mcp_servers, agents: input.agents });
}

/** LiteLLM's key fields as the store's key patch; only what was sent. */
async function keyPatch(store: Store, input: KeyFields, now: Date, actor: string) {
  if (typeof input.team_id === 'string' && (await store.teams.get(input.team_id)) === undefined) {
    throw managementErrors.notFound('team', input.team_id, 'team_id');
  }
  if (typeof input.organization_id === 'string' && (await store.organisations.get(input.organization_id)) === undefined) {
    throw managementErrors.notFound('organization', input.organization_id, 'organization_id');
  }
  if (typeof input.user_id === 'string') await ensureUser(store, input.user_id, actor);
  return compact({
    ...limitsFrom(input),
    keyAlias: input.key_alias,
    teamId: input.team_id,
    userId: input.user_id,
    organisationId: input.organization_id,
    objectPermission: objectPermissionOf(input.object_permission),
    expiresAt: expiryFrom(input, now),
  });
}

/** POST /key/generate: the only answer (with /key/regenerate) that carries the key itself. */
export async function generateKey(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { key, ...fields } = parseInput(generateKeySchema, input);
  const actor = actorOf(principal);
  const patch = await keyPatch(deps.store, fields, nowOf(deps), actor);
  const issued = await storeCall(() =>
    deps.store.keys.create({ ...patch, ...(key === undefined ? {} : { key }), createdBy: actor }, { actor }),
  );
  deps.auth.invalidate();
  return { key: issued.key, ...keyView(issued.record) };
}

/** The caller's own key, read fresh (the authenticator's copy may be up to its TTL old). */
async function ownKey(principal: Principal, store: Store): Promise<VirtualKey> {
  if (principal.kind === 'master') throw managementErrors.invalid('key', 'Name the key: "key" is required with the master key.');
  const key = await store.keys.get(principal.context.key.id);
  if (key === undefined) throw managementErrors.notFound('key', principal.context.key.keyHint);
  return key;
}

/** GET /key/info?key=: any key may read itself; without `key`, the caller's own key. */
export async function keyInfo(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(keyInfoQuery, input);
  const visibility = visibilityOf(principal);
  let record: VirtualKey | undefined;
  if (query.key === undefined) record = await ownKey(principal, deps.store);
  else record = await findKey(deps.store, query.key);
  if (record === undefined) {
    // A caller who may not read other keys learns nothing about which keys exist.
    if (visibility.scope !== 'all') throw managementErrors.forbidden('This key may not read another key.');
    throw managementErrors.notFound('key', describeKeyReference(query.key ?? ''), 'key');
  }
  requireKeyVisible(visibility, record);
  return { key: record.keyHash, info: keyView(record) };
}

/** POST /key/update {key, ...fields}. */
export async function updateKey(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { key, ...fields } = parseInput(updateKeySchema, input);
  const actor = actorOf(principal);
  const record = await requireKey(deps.store, key);
  const patch = await keyPatch(deps.store, fields, nowOf(deps), actor);
  const updated = await storeCall(() => deps.store.keys.update(record.id, patch, { actor }));
  deps.auth.invalidate();
  return keyView(updated);
}

/** POST /key/delete {keys}: every key is found before any is deleted; answers their tokens, never the keys. */
export async function deleteKeys(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { keys } = parseInput(deleteKeysSchema, input);
  const actor = actorOf(principal);
  const records: VirtualKey[] = [];
  for (const [index, reference] of keys.entries()) records.push(await requireKey(deps.store, reference, `keys.${index}`));
  for (const record of records) await storeCall(() => deps.store.keys.delete(record.id, { actor }));
  deps.auth.invalidate();
  return { deleted_keys: records.map((record) => record.keyHash) };
}

/** POST /key/regenerate {key, ...fields}: a new key for the same record; the old one stops working at once. */
export async function regenerateKey(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { key, new_key: _unsupported, ...fields } = parseInput(regenerateKeySchema, input);
  const actor = actorOf(principal);
  const record = await requireKey(deps.store, key);
  const patch = await keyPatch(deps.store, fields, nowOf(deps), actor);
  const issued = await storeCall(() => deps.store.keys.regenerate(record.id, { actor }));
  const updated = Object.keys(patch).length === 0 ? issued.record : await storeCall(() => deps.store.keys.update(record.id, patch, { actor }));
  deps.auth.invalidate();
  return { key: issued.key, ...keyView(updated) };
}

async function setBlocked(principal: Principal, input: unknown, deps: ManagementDeps, blocked: boolean) {
  requireAdmin(principal);
  const { key } = parseInput(keyReferenceSchema, input);
  const record = await requireKey(deps.store, key);
  const options = { actor: actorOf(principal) };
  const updated = await storeCall(() => (blocked ? deps.store.keys.block(record.id, options) : deps.store.keys.unblock(record.id, options)));
  deps.auth.invalidate();
  return keyView(updated);
}

/** POST /key/block {key}. */
export const blockKey = (principal: Principal, input: unknown, deps: ManagementDeps) => setBlocked(principal, input, deps, true);
/** POST /key/unblock {key}. */
export const unblockKey = (principal: Principal, input: unknown, deps: ManagementDeps) => setBlocked(principal, input, deps, false);

/**
 * GET /key/list?page=&size=&team_id=&user_id=: admins list any keys, a team admin its team's keys. `keys` holds tokens,
 * or key objects with `return_full_object=true`, as LiteLLM's does.
 */
export async function listKeys(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(listKeysQuery, input);
  const visibility = visibilityOf(principal);
  let teamId = query.team_id;
  if (visibility.scope === 'key') throw managementErrors.forbidden('Listing keys needs an admin key or a team admin’s key.');
  if (visibility.scope === 'team') {
    if (teamId !== undefined && teamId !== visibility.teamId) throw managementErrors.forbidden('This key may list its own team’s keys only.');
    teamId = visibility.teamId;
  }
  const page = query.page ?? 1;
  const size = query.size ?? 10;
  const filters = compact({ teamId, userId: query.user_id, organisationId: query.organization_id });
  const [result, total] = await Promise.all([
    storeCall(() => deps.store.keys.list({ ...filters, limit: size, offset: (page - 1) * size })),
    storeCall(() => deps.store.keys.count(filters)),
  ]);
  const keys = query.return_full_object === true ? result.items.map(keyView) : result.items.map((key) => key.keyHash);
  return { keys, total_count: total, current_page: page, total_pages: Math.ceil(total / size) };
}
