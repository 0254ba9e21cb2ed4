import { eq } from 'drizzle-orm';
import { hashVirtualKey, virtualKeyHint, generateVirtualKey } from '../crypto/virtual-key.js';
import type { Database } from '../database.js';
import { virtualKeys, type ObjectPermission } from '../schema/index.js';
import type { MutationOptions } from './audit-log.js';
import { governedEntity } from './governed-entity.js';
import { findKeyAuthContext } from './key-auth-context.js';
import type { BudgetClock, LimitsInput } from './limits.js';
import { equalsWhenSet, type PageRequest } from './page.js';

export type VirtualKey = typeof virtualKeys.$inferSelect;

export interface VirtualKeyPatch extends LimitsInput {
  keyAlias?: string | null;
  teamId?: string | null;
  userId?: string | null;
  organisationId?: string | null;
  objectPermission?: ObjectPermission | null;
  expiresAt?: Date | null;
}

export interface VirtualKeyInput extends VirtualKeyPatch {
  /** Bring an existing key (an import from another gateway); by default a new `sk-…` key is generated. */
  key?: string;
  createdBy?: string;
}

/** The only time the key is seen: keep `key`, the store keeps its hash. */
export interface IssuedVirtualKey {
  key: string;
  record: VirtualKey;
}

export interface VirtualKeyQuery extends PageRequest {
  teamId?: string;
  userId?: string;
  organisationId?: string;
}

/** The audit log never sees the key hash; the hint names the key. */
function redact(row: VirtualKey): object {
  const { keyHash: _keyHash, ...rest } = row;
  return rest;
}

function keyConditions(query: VirtualKeyQuery) {
  return [
    equalsWhenSet(virtualKeys.teamId, query.teamId),
    equalsWhenSet(virtualKeys.userId, query.userId),
    equalsWhenSet(virtualKeys.organisationId, query.organisationId),
  ];
}

export function createVirtualKeyRepository(db: Database, clock: BudgetClock) {
  const entity = governedEntity(db, clock, { table: virtualKeys, entityType: 'virtual_key', redact });

  async function findByHash(keyHash: string): Promise<VirtualKey | undefined> {
    const [row] = await db.select().from(virtualKeys).where(eq(virtualKeys.keyHash, keyHash));
    return row;
  }

  return {
    /** Generates (or takes) the key, stores its SHA-256 hash and returns the key this once. */
    async create(input: VirtualKeyInput, options?: MutationOptions): Promise<IssuedVirtualKey> {
      const { key: provided, ...fields } = input;
      const issued = provided === undefined ? generateVirtualKey() : { key: provided, hash: hashVirtualKey(provided), hint: virtualKeyHint(provided) };
      const values = { ...fields, keyHash: issued.hash, keyHint: issued.hint, createdBy: input.createdBy ?? options?.actor ?? null };
      const record = await entity.create(values, options);
      return { key: issued.key, record };
    },
    /** A new key for the same record (same id, limits and spend); the old key stops working at once. */
    async regenerate(id: string, options?: MutationOptions): Promise<IssuedVirtualKey> {
      const issued = generateVirtualKey();
      const change = { keyHash: issued.hash, keyHint: issued.hint };
      const record = await entity.update(id, () => change, options, 'regenerate');
      return { key: issued.key, record };
    },
    get: entity.get,
    require: entity.require,
    /** One probe of the unique index on `key_hash`. */
    findByHash,
    findByKey: (key: string) => findByHash(hashVirtualKey(key)),
    /** The key with its team, user, organisation and team membership, in one indexed query. */
    authContext: (keyHash: string) => findKeyAuthContext(db, keyHash),
    update: (id: string, patch: VirtualKeyPatch, options?: MutationOptions) => entity.patch(id, patch, options),
    block: (id: string, options?: MutationOptions) => entity.patch(id, { blocked: true }, options, 'block'),
    unblock: (id: string, options?: MutationOptions) => entity.patch(id, { blocked: false }, options, 'unblock'),
    delete: entity.remove,
    list: (query: VirtualKeyQuery = {}) => entity.list(keyConditions(query), query),
    /** How many keys `list` would page through with the same filters. */
    count: (query: VirtualKeyQuery = {}) => entity.count(keyConditions(query)),
  };
}

export type VirtualKeyRepository = ReturnType<typeof createVirtualKeyRepository>;
