import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const redisUrl = process.env['SWITCHYARD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Whether the Redis tests can run. Under CI=true an unreachable Redis fails the run instead of skipping it;
 * elsewhere the tests are skipped with a visible message.
 */
export async function redisAvailable(): Promise<boolean> {
  if (await reachable()) return true;
  if (process.env['CI'] === 'true') {
    throw new Error(`Redis at ${redisUrl} is unreachable and CI=true: the Redis tests must run, not skip.`);
  }
  console.warn(`SKIPPED: the Redis tests need Redis at ${redisUrl} (set SWITCHYARD_TEST_REDIS_URL).`);
  return false;
}

/** A key prefix no other test run uses, and a way to delete everything under it. */
export function isolatedPrefix(): { prefix: string; cleanUp: () => Promise<void> } {
  const prefix = `switchyard-test:${randomUUID()}:`;
  return {
    prefix,
    async cleanUp() {
      const client = new Redis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await client.quit();
    },
  };
}
