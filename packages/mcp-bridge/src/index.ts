export * from './config/mcp-server-config.js';
export * from './bridge/mcp-bridge-error.js';
export * from './bridge/mcp-access.js';
export * from './bridge/namespaced-name.js';
export * from './bridge/mcp-tool-call-event.js';
export type { McpBridgeHooks, McpBridgeOptions } from './bridge/mcp-bridge-options.js';
export { McpBridge, type McpCallOptions, type McpServerStatus } from './bridge/mcp-bridge.js';
export * from './bridge/prompts-and-resources.js';
export type { UpstreamState, UpstreamStateEvent } from './upstream/upstream-connection.js';
export type { ReconnectBackoff } from './upstream/reconnect-backoff.js';
export {
  createMcpHttpHandler,
  type McpHttpHandler,
  type McpHttpHandlerOptions,
  type McpRequestContext,
} from './server/mcp-http-handler.js';
export { createDownstreamServer, type DownstreamServerOptions } from './server/create-downstream-server.js';
export { loopbackHostnames, hostAllowed } from './server/host-validation.js';
export { toolErrorResult } from './server/bridge-error-to-mcp.js';
export { mcpToolsToOpenAITools, openAINameIndex } from './openai/mcp-tools-to-openai-tools.js';
export { openAIToolName } from './openai/openai-tool-name.js';
export { cleanInputSchema } from './openai/clean-input-schema.js';
export { toolResultToText } from './openai/tool-result-to-text.js';
export {
  executeOpenAIToolCalls,
  executeOpenAIToolCallsDetailed,
  type ExecuteToolCallsOptions,
  type McpToolCallOutcome,
} from './openai/execute-openai-tool-calls.js';
export { isMcpChatTool, selectMcpTools, type McpChatToolEntry, type McpToolSelection } from './openai/mcp-chat-tools.js';
export { runMcpToolLoop, type McpToolLoopOptions, type McpToolLoopResult } from './openai/run-mcp-tool-loop.js';
