export * from './manual-clock.js';
export * from './fake-provider.js';
export * from './fake-providers.js';
export * from './test-router.js';
