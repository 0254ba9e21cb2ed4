export * from './http-client.js';
export * from './sse-parser.js';
export * from './load-setting.js';
export * from './upstream-error.js';
export * from './safe-fetch/index.js';
