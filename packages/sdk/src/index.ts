export * from './switchyard.js';
export * from './switchyard-options.js';
export * from './chat-completions.js';
export * from './chat-completion-stream.js';
export * from './embeddings.js';
export { RoutingError, routingHeaders, type RoutingOutcome } from '@switchyard/router';
export { SwitchyardError } from '@switchyard/core';
