import type { Store } from '@switchyard/store';
import { storeCall } from './management-errors.js';

/** LiteLLM creates a user it has not seen when a key or team membership names one; so does Switchyard (audited). */
export async function ensureUser(store: Store, userId: string, actor: string, email?: string) {
  const existing = await store.users.get(userId);
  if (existing !== undefined) return existing;
  return storeCall(() => store.users.create({ id: userId, ...(email === undefined ? {} : { email }) }, { actor }));
}
