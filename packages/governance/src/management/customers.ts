import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { actorOf, requireAdmin } from './access.js';
import { allPages } from './all-pages.js';
import { compact, id, ignored, limitFields, limitsFrom, unsupported } from './input-fields.js';
import type { ManagementDeps } from './management-deps.js';
import { managementErrors, storeCall } from './management-errors.js';
import { parseInput } from './parse-input.js';
import { customerView } from './views.js';

const customerFields = {
  ...limitFields,
  alias: z.string().max(256).nullable().optional(),
  allowed_model_region: z.enum(['eu', 'us']).nullable().optional(),
  default_model: z.string().min(1).nullable().optional(),
  budget_id: unsupported,
  model_max_budget: unsupported,
  object_permission: unsupported,
  spend_logs_metadata: ignored,
};

const newCustomerSchema = z.strictObject({ ...customerFields, user_id: id });
const deleteCustomersSchema = z.strictObject({ user_ids: z.array(id).min(1).max(1000) });
const customerInfoQuery = z.strictObject({ end_user_id: id });

function customerPatch(input: Omit<z.output<typeof newCustomerSchema>, 'user_id'>) {
  return compact({
    ...limitsFrom(input),
    alias: input.alias,
    allowedModelRegion: input.allowed_model_region,
    defaultModel: input.default_model,
  });
}

/** POST /customer/new {user_id, ...}: an end user (the `user` of requests) with a budget and limits. */
export async function newCustomer(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_id, ...fields } = parseInput(newCustomerSchema, input);
  const row = await storeCall(() => deps.store.endUsers.create({ id: user_id, ...customerPatch(fields) }, { actor: actorOf(principal) }));
  return customerView(row);
}

/** GET /customer/info?end_user_id=. */
export async function customerInfo(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { end_user_id } = parseInput(customerInfoQuery, input);
  const row = await deps.store.endUsers.get(end_user_id);
  if (row === undefined) throw managementErrors.notFound('customer', end_user_id, 'end_user_id');
  return customerView(row);
}

/** POST /customer/update {user_id, ...fields}. */
export async function updateCustomer(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_id, ...fields } = parseInput(newCustomerSchema, input);
  if ((await deps.store.endUsers.get(user_id)) === undefined) throw managementErrors.notFound('customer', user_id, 'user_id');
  const row = await storeCall(() => deps.store.endUsers.update(user_id, customerPatch(fields), { actor: actorOf(principal) }));
  return customerView(row);
}

/** POST /customer/delete {user_ids}. */
export async function deleteCustomers(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  const { user_ids } = parseInput(deleteCustomersSchema, input);
  for (const [index, userId] of user_ids.entries()) {
    if ((await deps.store.endUsers.get(userId)) === undefined) throw managementErrors.notFound('customer', userId, `user_ids.${index}`);
  }
  for (const userId of user_ids) await storeCall(() => deps.store.endUsers.delete(userId, { actor: actorOf(principal) }));
  return { deleted_customers: user_ids };
}

/** GET /customer/list: every end user, as a list. */
export async function listCustomers(principal: Principal, input: unknown, deps: ManagementDeps) {
  requireAdmin(principal);
  parseInput(z.strictObject({}), input);
  const rows = await allPages((cursor) => deps.store.endUsers.list({ limit: 1000, ...cursor }));
  return rows.map(customerView);
}
