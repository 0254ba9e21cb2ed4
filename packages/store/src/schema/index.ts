export * from './audit.js';
export * from './columns.js';
export * from './identity.js';
export * from './keys.js';
export * from './registry.js';
export * from './spend.js';
