import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** `SWITCHYARD_TEST_POSTGRES_URL`, or the local default. */
export function testPostgresUrl(env: Record<string, string | undefined> = process.env): string {
  return env['SWITCHYARD_TEST_POSTGRES_URL'] || DEFAULT_TEST_POSTGRES_URL;
}

export interface TemporaryDatabase {
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, empty database on the server of `serverUrl` (the user needs CREATEDB), so parallel test runs never
 * share tables or migration state.
 */
export async function createTemporaryDatabase(serverUrl: string, prefix = 'switchyard_store_test'): Promise<TemporaryDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    async drop() {
      const client = postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await client.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end({ timeout: 5 });
      }
    },
  };
}

/** Undefined when the server answers `select 1`, else why not. */
export async function postgresUnreachableReason(serverUrl: string): Promise<string | undefined> {
  const client = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
