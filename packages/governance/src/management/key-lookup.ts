import { hashVirtualKey, virtualKeyHint, type Store, type VirtualKey } from '@switchyard/store';
import { managementErrors } from './management-errors.js';

const TOKEN = /^[0-9a-f]{64}$/;

/** How a key reference appears in messages: a raw key only as its hint, never in full. */
export function describeKeyReference(reference: string): string {
  return reference.startsWith('sk-') ? virtualKeyHint(reference) : reference;
}

/** A key by its raw value, its token (the SHA-256 hex LiteLLM calls `token`) or its record id. */
export async function findKey(store: Store, reference: string): Promise<VirtualKey | undefined> {
  if (TOKEN.test(reference)) {
    const byToken = await store.keys.findByHash(reference);
    if (byToken !== undefined) return byToken;
  }
  const byKey = await store.keys.findByKey(reference);
  if (byKey !== undefined) return byKey;
  return reference.startsWith('sk-') ? undefined : store.keys.get(reference);
}

export async function requireKey(store: Store, reference: string, param = 'key'): Promise<VirtualKey> {
  const key = await findKey(store, reference);
  if (key === undefined) throw managementErrors.notFound('key', describeKeyReference(reference), param);
  return key;
}

/** The token a spend-log filter needs: a token as it is, a raw key hashed (deleted keys too), a record id looked up. */
export async function keyTokenOf(store: Store, reference: string): Promise<string | undefined> {
  if (TOKEN.test(reference)) return reference;
  if (reference.startsWith('sk-')) return hashVirtualKey(reference);
  return (await store.keys.get(reference))?.keyHash;
}
