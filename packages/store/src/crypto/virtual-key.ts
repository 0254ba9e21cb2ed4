import { createHash, randomBytes } from 'node:crypto';

export const VIRTUAL_KEY_PREFIX = 'sk-';
const KEY_BYTES = 32;

export interface GeneratedVirtualKey {
  /** The full key: show it once, never store it. */
  key: string;
  /** SHA-256 hex of the full key: what the store keeps and looks keys up by. */
  hash: string;
  /** `sk-…` plus the last four characters, to recognise a key in lists. */
  hint: string;
}

/** SHA-256 hex of the full key string, prefix included. */
export function hashVirtualKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function virtualKeyHint(key: string): string {
  return `${key.slice(0, VIRTUAL_KEY_PREFIX.length)}…${key.slice(-4)}`;
}

/** `sk-` followed by 32 random bytes in base64url (43 characters, 256 bits). */
export function generateVirtualKey(): GeneratedVirtualKey {
  const key = `${VIRTUAL_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, hash: hashVirtualKey(key), hint: virtualKeyHint(key) };
}
