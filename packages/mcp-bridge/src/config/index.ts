// `@switchyard/mcp-bridge/config`: the `mcp_servers` zod schemas and parsers alone, without the MCP SDK, so a
// gateway can validate its config without loading the bridge.
export * from './mcp-server-config.js';
