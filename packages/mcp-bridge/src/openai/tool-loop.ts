// `@switchyard/mcp-bridge/tool-loop`: the chat tool loop and its tool checks, without the MCP SDK at run time (the
// bridge it drives is passed in), so a chat route can carry it while the bridge itself is imported only when needed.
export { isMcpChatTool, selectMcpTools, type McpChatToolEntry, type McpToolSelection } from './mcp-chat-tools.js';
export { runMcpToolLoop, type McpToolLoopOptions, type McpToolLoopResult } from './run-mcp-tool-loop.js';
