export * from './redis-router-state.js';
export * from './redis-connection.js';
export { DeploymentKeys, groupHashTag, hashedPart } from './redis-keys.js';
export type { RedisClient } from './redis-scripts.js';
