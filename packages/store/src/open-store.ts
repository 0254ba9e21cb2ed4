import { resolve } from 'node:path';
import { createSecretBox, type SecretBox } from './crypto/secret-box.js';
import type { Connection } from './database.js';
import { assertTimeZone } from './budget/zoned-time.js';
import { createStore, type Store } from './store.js';

export interface OpenStoreOptions {
  /** `postgres://…`: real Postgres. Default: `env.DATABASE_URL`; when that is unset too, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory (`<dataDir>/pglite`); default `.switchyard`. `memory://` keeps it in memory. */
  dataDir?: string;
  /** Encrypts stored provider, MCP and agent secrets. Without it, writing or reading secrets fails. */
  masterSecret?: string;
  /** Older master secrets still accepted for decryption during a rotation. */
  previousMasterSecrets?: string[];
  /** IANA time zone budget periods align to; default UTC. */
  budgetTimeZone?: string;
  /** Postgres pool size; default 10. */
  maxConnections?: number;
  /** Where `DATABASE_URL` is read; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The clock for budget resets; default `() => new Date()`. */
  now?: () => Date;
}

export const DEFAULT_DATA_DIR = '.switchyard';

async function connect(options: OpenStoreOptions): Promise<Connection> {
  const databaseUrl = options.databaseUrl ?? (options.env ?? process.env)['DATABASE_URL'];
  if (databaseUrl !== undefined && databaseUrl !== '') {
    const { openPostgres } = await import('./postgres/index.js');
    return openPostgres(databaseUrl, options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
  }
  const { IN_MEMORY, openPglite } = await import('./pglite/index.js');
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  return openPglite(dataDir.startsWith(IN_MEMORY) ? dataDir : resolve(dataDir, 'pglite'));
}

/**
 * Opens the store: connects (Postgres when a URL is given, else embedded PGlite), runs the migrations, and
 * returns every repository plus `close()`. Only the chosen driver is loaded.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const timeZone = options.budgetTimeZone ?? 'UTC';
  assertTimeZone(timeZone);
  let box: SecretBox | undefined;
  if (options.masterSecret !== undefined) {
    box = await createSecretBox({ masterSecret: options.masterSecret, previousSecrets: options.previousMasterSecrets ?? [] });
  }
  const connection = await connect(options);
  return createStore(connection, { now: options.now ?? (() => new Date()), timeZone }, box);
}
