import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatTool, Usage } from '@switchyard/core';
import { isMcpChatTool, runMcpToolLoop } from '@switchyard/mcp-bridge/tool-loop';
import type { RequestState } from '../http/request-state.js';
import { sendJson } from '../http/send-json.js';
import { EventStream } from '../http/sse-writer.js';
import type { GatewayServices } from '../services/service-routes.js';
import type { ModelRouteDeps } from './model-route-support.js';

/** Model calls one chat request with MCP tools may make (the last one's tool calls go back unexecuted). */
export const mcpToolLoopMaxIterations = 8;

interface McpChatCall {
  request: ChatCompletionRequest;
  signal: AbortSignal;
  requestId: string;
  headers: IncomingHttpHeaders;
}

const gatewayServerUrl = /^(?:litellm_proxy|switchyard)(?:\/mcp\/[A-Za-z0-9_]+)?\/?$/;

/**
 * An `{type: "mcp"}` tool meant for the gateway: `server_url` is `litellm_proxy[/mcp/<server>]` (LiteLLM's
 * convention), or there is no URL and `server_label` names a configured server. Other MCP tools (a remote
 * `server_url` a provider connects to itself) go to the provider unchanged.
 */
function isGatewayMcpTool(tool: ChatTool, servers: readonly string[]): boolean {
  if (!isMcpChatTool(tool)) return false;
  if (tool.server_url !== undefined) return gatewayServerUrl.test(tool.server_url);
  return tool.server_label !== undefined && servers.includes(tool.server_label);
}

/** A chat request the gateway runs the MCP tool loop for: it carries `{type: "mcp"}` tools meant for the gateway. */
export function wantsMcpLoop(deps: ModelRouteDeps, request: ChatCompletionRequest): deps is ModelRouteDeps & { mcp: GatewayServices } {
  if (deps.mcp === undefined || request.tools === undefined) return false;
  const servers = deps.mcp.mcp.bridge.serverNames;
  return request.tools.some((tool) => isGatewayMcpTool(tool, servers));
}

function addUsage(total: Usage | undefined, usage: Usage | undefined): Usage | undefined {
  if (usage === undefined) return total;
  if (total === undefined) return { ...usage };
  return {
    prompt_tokens: total.prompt_tokens + usage.prompt_tokens,
    completion_tokens: total.completion_tokens + usage.completion_tokens,
    total_tokens: total.total_tokens + usage.total_tokens,
  };
}

/** The final completion as one content chunk and one finish chunk (the loop calls the model without streaming). */
function asChunks(completion: ChatCompletion): ChatCompletionChunk[] {
  const base = { id: completion.id, object: 'chat.completion.chunk' as const, created: completion.created, model: completion.model };
  const choices = completion.choices.map((choice) => {
    const { role: _role, tool_calls: toolCalls, ...message } = choice.message;
    const delta = { role: 'assistant' as const, ...message, ...(toolCalls ? { tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : {}) };
    return { index: choice.index, delta, finish_reason: null };
  });
  const finish = completion.choices.map((choice) => ({ index: choice.index, delta: {}, finish_reason: choice.finish_reason }));
  return [
    { ...base, choices },
    { ...base, choices: finish, ...(completion.usage ? { usage: completion.usage } : {}) },
  ];
}

/**
 * A chat completion with `tools: [{type: "mcp", ...}]`: the gateway offers the caller's MCP tools to the model,
 * runs the calls that need no approval and calls the model again (bounded), and answers with the final completion
 * (with `provider_specific_fields.mcp_*`). Calls that need approval go back to the client as tool calls. A
 * streaming request gets the final completion as a short stream.
 */
export async function completeChatWithMcp(deps: ModelRouteDeps & { mcp: GatewayServices }, outgoing: ServerResponse, state: RequestState, call: McpChatCall): Promise<void> {
  const { request, signal, requestId, headers } = call;
  const caller = await deps.mcp.resolveCaller(headers);
  deps.mcp.mcp.remember(caller);
  const { stream, stream_options: _streamOptions, ...unstreamed } = request;
  const result = await runMcpToolLoop({
    bridge: deps.mcp.mcp.bridge,
    request: unstreamed,
    access: { allowedServers: caller.mcpServers, subject: caller.subject },
    maxIterations: mcpToolLoopMaxIterations,
    signal,
    headers,
    callModel: async (modelRequest) => {
      const routed = await deps.router.chat(modelRequest, { signal, requestId, headers });
      state.attempts += routed.attempts;
      state.provider = routed.deployment.provider;
      state.modelGroup = routed.deployment.modelGroup;
      state.usage = addUsage(state.usage, routed.result.usage);
      return routed.result.completion;
    },
  });
  const answerHeaders = { 'x-switchyard-mcp-stopped-by': result.stoppedBy, 'x-switchyard-mcp-model-calls': String(result.modelCalls) };
  if (stream !== true) return sendJson(outgoing, 200, JSON.stringify(result.completion), answerHeaders);
  state.stream = true;
  const events = new EventStream(outgoing, answerHeaders);
  for (const chunk of asChunks(result.completion)) void events.write(JSON.stringify(chunk));
  events.end();
}
