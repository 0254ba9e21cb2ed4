import { randomUUID } from 'node:crypto';
import { getTableName, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../database.js';
import { StoreError } from '../store-error.js';
import type { MutationOptions } from './audit-log.js';
import { entityOperations, type EntityTable, type Patch } from './entity-operations.js';
import type { Page, PageRequest } from './page.js';

export type Secrets = Record<string, string>;

/** A table with the secret columns (model deployments, MCP servers, agents). */
export type SecretTable = EntityTable & { secretNames: PgColumn; secretsCiphertext: PgColumn };

/** A row as lists and the audit log see it: the secret names, never the ciphertext. */
export type Redacted<Row> = Omit<Row, 'secretsCiphertext'>;
export type WithSecrets<Row> = Redacted<Row> & { secrets: Secrets };

interface SecretFields {
  /** Replaces every secret; null removes them all. */
  secrets?: Secrets | null;
}

function redact<Row extends { secretsCiphertext: string | null }>(row: Row): Redacted<Row> {
  const { secretsCiphertext: _ciphertext, ...rest } = row;
  return rest;
}

/**
 * Entity operations for rows holding secrets. The secrets object is encrypted with the store's secret box and
 * bound to `<table>:<id>` (the AEAD context), so a ciphertext copied into another row does not decrypt.
 */
function secretEntity<T extends SecretTable>(
  db: Database,
  box: SecretBox | undefined,
  table: T,
  entityType: string,
) {
  type Row = InferSelectModel<T> & { secretsCiphertext: string | null };
  const tableName = getTableName(table);
  const operations = entityOperations(db, { table, entityType, redact: (row) => redact(row as Row) });

  function requireBox(): SecretBox {
    if (box === undefined) throw new StoreError('secret', 'storing or reading secrets needs openStore({ masterSecret })');
    return box;
  }

  function seal(id: string, secrets: Secrets | null | undefined) {
    if (secrets === undefined) return {};
    if (secrets === null || Object.keys(secrets).length === 0) return { secretNames: [], secretsCiphertext: null };
    const ciphertext = requireBox().encrypt(JSON.stringify(secrets), `${tableName}:${id}`);
    return { secretNames: Object.keys(secrets).sort(), secretsCiphertext: ciphertext };
  }

  function reveal(row: Row): WithSecrets<Row> {
    const ciphertext = row.secretsCiphertext;
    const id = String((row as unknown as { id: unknown }).id);
    const secrets = ciphertext === null ? {} : (JSON.parse(requireBox().decrypt(ciphertext, `${tableName}:${id}`)) as Secrets);
    return { ...redact(row), secrets };
  }

  return {
    async create(input: SecretFields & { id?: string }, options?: MutationOptions): Promise<Redacted<Row>> {
      const { secrets, ...fields } = input;
      const id = input.id ?? randomUUID();
      const values = { ...fields, id, ...seal(id, secrets) } as unknown as InferInsertModel<T>;
      return redact((await operations.insert(values, options)) as Row);
    },
    async update(id: string, patch: SecretFields, options?: MutationOptions): Promise<Redacted<Row>> {
      const { secrets, ...fields } = patch;
      const change = { ...fields, ...seal(id, secrets) } as unknown as Patch<T>;
      return redact((await operations.update(id, () => change, options)) as Row);
    },
    async get(id: string): Promise<Redacted<Row> | undefined> {
      const row = (await operations.get(id)) as Row | undefined;
      return row === undefined ? undefined : redact(row);
    },
    /** Decrypts; throws StoreError `secret` when the master secret is missing or wrong. */
    async getWithSecrets(id: string): Promise<WithSecrets<Row> | undefined> {
      const row = (await operations.get(id)) as Row | undefined;
      return row === undefined ? undefined : reveal(row);
    },
    async list(conditions: Array<SQL | undefined>, page: PageRequest): Promise<Page<Redacted<Row>>> {
      const result = await operations.list(conditions, page);
      return { items: result.items.map((row) => redact(row as Row)), nextCursor: result.nextCursor };
    },
    async listWithSecrets(conditions: Array<SQL | undefined>, page: PageRequest): Promise<Page<WithSecrets<Row>>> {
      const result = await operations.list(conditions, page);
      return { items: result.items.map((row) => reveal(row as Row)), nextCursor: result.nextCursor };
    },
    async delete(id: string, options?: MutationOptions): Promise<Redacted<Row>> {
      return redact((await operations.remove(id, options)) as Row);
    },
  };
}

/**
 * The repository of a table with secrets: typed inputs, and lists filtered by `conditions`. Deployments, MCP
 * servers and agents are this plus their own types.
 */
export function secretRepository<T extends SecretTable, I extends SecretFields & { id?: string }, P extends SecretFields, Q extends PageRequest>(
  db: Database,
  box: SecretBox | undefined,
  description: { table: T; entityType: string },
  conditions: (query: Q) => Array<SQL | undefined>,
) {
  const entity = secretEntity(db, box, description.table, description.entityType);
  return {
    create: (input: I, options?: MutationOptions) => entity.create(input, options),
    update: (id: string, patch: P, options?: MutationOptions) => entity.update(id, patch, options),
    get: entity.get,
    /** Decrypts; throws StoreError `secret` when the master secret is missing or wrong. */
    getWithSecrets: entity.getWithSecrets,
    list: (query: Q = {} as Q) => entity.list(conditions(query), query),
    /** What the gateway loads: decrypted secrets included. */
    listWithSecrets: (query: Q = {} as Q) => entity.listWithSecrets(conditions(query), query),
    delete: entity.delete,
  };
}
