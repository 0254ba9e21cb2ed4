import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type Implementation,
  type Progress,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpAccess } from '../bridge/mcp-access.js';
import type { McpBridge, McpCallOptions } from '../bridge/mcp-bridge.js';
import {
  getPrompt,
  listPrompts,
  listResources,
  listResourceTemplates,
  readResource,
} from '../bridge/prompts-and-resources.js';
import { toMcpError, toolErrorResult } from './bridge-error-to-mcp.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface DownstreamServerOptions {
  serverInfo?: Implementation | undefined;
  instructions?: string | undefined;
  /** Resource subscriptions are shared by sessions; the handler counts them. */
  subscribe?: ((uri: string, callOptions: McpCallOptions) => Promise<void>) | undefined;
  unsubscribe?: ((uri: string) => Promise<void>) | undefined;
}

function callOptions(access: McpAccess, extra: Extra): McpCallOptions {
  return { ...access, signal: extra.signal, headers: extra.requestInfo?.headers, sessionId: extra.sessionId };
}

async function asMcp<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toMcpError(error);
  }
}

/**
 * An MCP `Server` (the SDK's low-level one, which re-validates nothing a proxy must pass through) serving the
 * bridge's aggregate for one access: tools, prompts and resources (with subscriptions), ping and logging/setLevel.
 */
export function createDownstreamServer(bridge: McpBridge, access: McpAccess, options: DownstreamServerOptions = {}) {
  const server = new Server(options.serverInfo ?? { name: 'switchyard-mcp', version: '0.1.0' }, {
    capabilities: {
      tools: { listChanged: true },
      prompts: {},
      resources: { subscribe: options.subscribe !== undefined },
      logging: {},
    },
    ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
  });

  server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => ({
    tools: await bridge.listTools(callOptions(access, extra)),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const progressToken = request.params._meta?.progressToken;
    const onProgress =
      progressToken === undefined
        ? undefined
        : (progress: Progress) =>
            void extra
              .sendNotification({ method: 'notifications/progress', params: { ...progress, progressToken } })
              .catch(() => undefined);
    try {
      const options = { ...callOptions(access, extra), ...(onProgress ? { onProgress } : {}) };
      return await bridge.callTool(request.params.name, request.params.arguments ?? {}, options);
    } catch (error) {
      return toolErrorResult(error);
    }
  });

  server.setRequestHandler(ListPromptsRequestSchema, (_request, extra) =>
    asMcp(async () => ({ prompts: await listPrompts(bridge, callOptions(access, extra)) })),
  );
  server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
    asMcp(() => getPrompt(bridge, request.params.name, request.params.arguments, callOptions(access, extra))),
  );
  server.setRequestHandler(ListResourcesRequestSchema, (_request, extra) =>
    asMcp(async () => ({ resources: await listResources(bridge, callOptions(access, extra)) })),
  );
  server.setRequestHandler(ListResourceTemplatesRequestSchema, (_request, extra) =>
    asMcp(async () => ({ resourceTemplates: await listResourceTemplates(bridge, callOptions(access, extra)) })),
  );
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
    asMcp(() => readResource(bridge, request.params.uri, callOptions(access, extra))),
  );
  const { subscribe, unsubscribe } = options;
  if (subscribe && unsubscribe) {
    server.setRequestHandler(SubscribeRequestSchema, (request, extra) =>
      asMcp(async () => {
        await subscribe(request.params.uri, callOptions(access, extra));
        return {};
      }),
    );
    server.setRequestHandler(UnsubscribeRequestSchema, (request) =>
      asMcp(async () => {
        await unsubscribe(request.params.uri);
        return {};
      }),
    );
  }
  return server;
}
