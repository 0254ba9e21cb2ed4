export * from './conformance-types.js';
export * from './recorded-server.js';
export * from './use-recorded-server.js';
export * from './caught-error.js';
export * from './fixtures.js';
export * from './aggregate-stream.js';
export * from './expect-outcome.js';
export { drainStream } from './run-cases.js';
export * from './run-provider-conformance.js';
