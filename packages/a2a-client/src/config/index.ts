// `@switchyard/a2a-client/config`: the `a2a_agents` zod schemas, parsers and registry alone, without the A2A SDK,
// so a gateway can validate its config without loading the client.
export * from './a2a-agent-config.js';
export * from './a2a-agent-registry.js';
