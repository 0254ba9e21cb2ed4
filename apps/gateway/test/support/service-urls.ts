import { connect } from 'node:net';
import { postgresUnreachableReason, testPostgresUrl } from '@switchyard/store/testing';

/** The Redis the process tests share (`.ci/run` sets SWITCHYARD_TEST_REDIS_URL). */
export const testRedisUrl = process.env['SWITCHYARD_TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Whether real Postgres and Redis answer. Under CI=true an unreachable service throws (the run fails, never
 * skips); elsewhere the caller skips with the reason.
 */
export async function servicesReachable(): Promise<{ postgresUrl: string; redisUrl: string; skipReason: string | undefined }> {
  const postgresUrl = testPostgresUrl();
  const postgres = await postgresUnreachableReason(postgresUrl);
  const redis = (await redisReachable(testRedisUrl)) ? undefined : `Redis is not reachable at ${testRedisUrl}`;
  const skipReason = postgres ?? redis;
  if (skipReason !== undefined && process.env['CI'] === 'true') throw new Error(skipReason);
  return { postgresUrl, redisUrl: testRedisUrl, skipReason };
}
