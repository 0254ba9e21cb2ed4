import type { Store, User } from '@switchyard/store';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { actorOf, requireAdmin, visibilityOf } from './access.js';
import { allPages } from './all-pages.js';
import { compact, limitsFrom } from './input-fields.js';
import { addDuration } from './key-expiry.js';
import { nowOf, type ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { parseInput } from './parse-input.js';
import { deleteUsersSchema, listUsersQuery, newUserSchema, updateUserSchema, userInfoQuery } from './user-schemas.js';
import { keyView, teamView, userView } from './views.js';

type UserFields = Omit<z.output<typeof updateUserSchema>, 'user_id'>;

async function userPatch(store: Store, input: UserFields) {
  if (typeof input.organization_id === 'string' && (await store.organisations.get(input.organization_id)) === undefined) {
    throw managementErrors.notFound('organization', input.organization_id, 'organization_id');
  }
  return compact({
    ...limitsFrom(input),
    email: input.user_email,
    alias: input.user_alias,
    role: input.user_role,
    organisationId: input.organization_id,
  });
}

async function requireUser(store: Store, userId: string, param = 'user_id'): Promise<User> {
  const user = await store.users.get(userId);
  if (user === undefined) throw managementErrors.notFound('user', userId, param);
  return user;
}

async function viewOf(store: Store, user: User) {
  const memberships = await store.memberships.list({ userId: user.id });
  return userView(user, memberships.map((membership) => membership.teamId));
}

/** POST /user/new: creates the user, joins `teams`, and (LiteLLM's default) issues a key answered once as `key`. */
export async function newUser(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_id, teams, auto_create_key, key_alias, duration, ...fields } = parseInput(newUserSchema, input);
  const actor = actorOf(principal);
  for (const [index, teamId] of (teams ?? []).entries()) {
    if ((await deps.store.teams.get(teamId)) === undefined) throw managementErrors.notFound('team', teamId, `teams.${index}`);
  }
  const patch = await userPatch(deps.store, fields);
  const user = await storeCall(() => deps.store.users.create({ ...patch, ...(user_id === undefined ? {} : { id: user_id }) }, { actor }));
  for (const teamId of teams ?? []) await storeCall(() => deps.store.memberships.add({ teamId, userId: user.id }, { actor }));
  const view = await viewOf(deps.store, user);
  if (!auto_create_key) return view;
  const expiresAt = duration === undefined ? {} : { expiresAt: addDuration(nowOf(deps), duration) };
  const issued = await storeCall(() =>
    deps.store.keys.create({ userId: user.id, ...(key_alias === undefined ? {} : { keyAlias: key_alias }), ...expiresAt, createdBy: actor }, { actor }),
  );
  deps.auth.invalidate();
  return { ...view, key: issued.key, token: issued.record.keyHash, key_name: issued.record.keyHint, expires: issued.record.expiresAt?.toISOString() ?? null };
}

/** GET /user/info?user_id=: admins any user; any other key its own user (the default without user_id). */
export async function userInfo(principal: Principal, input: unknown, deps: ManagementDeps) {
  const query = parseInput(userInfoQuery, input);
  const visibility = visibilityOf(principal);
  const ownUserId = visibility.scope === 'all' ? undefined : (visibility.key.userId ?? undefined);
  const userId = query.user_id ?? ownUserId;
  if (userId === undefined) throw managementErrors.invalid('user_id', '"user_id" is required.');
  if (visibility.scope !== 'all' && userId !== ownUserId) throw managementErrors.forbidden('This key may read its own user only.');
  const user = await requireUser(deps.store, userId);
  const memberships = await deps.store.memberships.list({ userId });
  const keys = await allPages((cursor) => deps.store.keys.list({ userId, limit: 1000, ...cursor }));
  const visibleKeys = visibility.scope === 'all' ? keys : keys.filter((key) => key.id === visibility.key.id);
  const teams = [];
  for (const membership of memberships) {
    const team = await deps.store.teams.get(membership.teamId);
    if (team !== undefined) teams.push(teamView(team, await deps.store.memberships.list({ teamId: team.id })));
  }
  return {
    user_id: user.id,
    user_info: userView(user, memberships.map((membership) => membership.teamId)),
    keys: visibleKeys.map(keyView),
    teams,
  };
}

/** POST /user/update {user_id, ...fields}. */
export async function updateUser(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_id, ...fields } = parseInput(updateUserSchema, input);
  await requireUser(deps.store, user_id);
  const patch = await userPatch(deps.store, fields);
  const user = await storeCall(() => deps.store.users.update(user_id, patch, { actor: actorOf(principal) }));
  deps.auth.invalidate();
  return viewOf(deps.store, user);
}

/** POST /user/delete {user_ids}: as LiteLLM does, a user's keys are deleted with them (each change audited). */
export async function deleteUsers(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_ids } = parseInput(deleteUsersSchema, input);
  const actor = actorOf(principal);
  for (const [index, userId] of user_ids.entries()) await requireUser(deps.store, userId, `user_ids.${index}`);
  for (const userId of user_ids) {
    const keys = await allPages((cursor) => deps.store.keys.list({ userId, limit: 1000, ...cursor }));
    for (const key of keys) await storeCall(() => deps.store.keys.delete(key.id, { actor }));
    await storeCall(() => deps.store.users.delete(userId, { actor }));
  }
  deps.auth.invalidate();
  return { deleted_users: user_ids };
}

/** GET /user/list?page=&page_size=&role=: admins only; LiteLLM's paged shape. */
export async function listUsers(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const query = parseInput(listUsersQuery, input);
  const page = query.page ?? 1;
  const size = query.page_size ?? 25;
  const filters = compact({ role: query.role, organisationId: query.organization_id });
  const [result, total] = await Promise.all([
    storeCall(() => deps.store.users.list({ ...filters, limit: size, offset: (page - 1) * size })),
    storeCall(() => deps.store.users.count(filters)),
  ]);
  const users = await Promise.all(result.items.map((user) => viewOf(deps.store, user)));
  return { users, total, page, page_size: size, total_pages: Math.ceil(total / size) };
}
