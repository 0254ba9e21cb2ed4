import type { Lease } from '@switchyard/governance';
import {
  createMcpHttpHandler,
  loopbackHostnames,
  McpBridge,
  splitNamespacedName,
  toolCallCost,
  type McpHttpHandler,
  type McpServersConfig,
  type McpToolCallEvent,
  type McpToolCallStart,
} from '@switchyard/mcp-bridge';
import type { Logger } from '../observability/logger.js';
import type { CallerAccess } from './caller-access.js';
import type { ServiceCalls } from './service-calls.js';

const unknownCaller: CallerAccess = { subject: 'unknown', mcpServers: [], agents: [], admin: false, scopes: [] };

/** The gateway's MCP side: the bridge over every configured and stored server, and the `/mcp` handler. */
export class McpService {
  readonly bridge: McpBridge;
  readonly handler: McpHttpHandler;
  /** The latest access of each subject, so bridge hooks (which see the subject) can log and charge the caller. */
  readonly #callers = new Map<string, CallerAccess>();
  readonly #leases = new Map<string, { caller: CallerAccess; lease: Lease | undefined }>();
  readonly #calls: ServiceCalls;

  constructor(options: { servers: McpServersConfig; logger: Logger; calls: ServiceCalls; loopbackOnly: boolean }) {
    const { logger } = options;
    this.#calls = options.calls;
    this.bridge = McpBridge.create(options.servers, {
      clientInfo: { name: 'switchyard-gateway', version: '0.1.0' },
      hooks: {
        beforeToolCall: (call) => this.#admit(call),
        onToolCall: (event) => this.#finish(event),
        onUpstreamState: (event) => logger.info({ server: event.server, state: event.state, retryInMs: event.retryInMs }, 'mcp upstream'),
        onUpstreamError: (server, operation) => logger.warn({ server, operation }, 'mcp upstream listing failed'),
      },
    });
    this.handler = createMcpHttpHandler(this.bridge, {
      serverInfo: { name: 'switchyard-gateway', version: '0.1.0' },
      ...(options.loopbackOnly ? { allowedHosts: loopbackHostnames } : {}),
    });
  }

  /** Records the caller of a request, whose subject the bridge will report with its tool calls. */
  remember(caller: CallerAccess): void {
    this.#callers.delete(caller.subject);
    this.#callers.set(caller.subject, caller);
    if (this.#callers.size > 10_000) this.#callers.delete(this.#callers.keys().next().value as string);
  }

  async #admit(call: McpToolCallStart): Promise<void> {
    const caller = this.#callers.get(call.subject ?? '') ?? unknownCaller;
    const cost = toolCallCost(this.bridge.connectionFor(call.server).config, call.tool);
    const lease = await this.#calls.admit(caller, cost);
    this.#leases.set(call.callId, { caller, lease });
  }

  #finish(event: McpToolCallEvent): void {
    const held = this.#leases.get(event.callId);
    this.#leases.delete(event.callId);
    const caller = held?.caller ?? this.#callers.get(event.subject ?? '') ?? unknownCaller;
    // A call refused before its server was resolved still names the server and tool it asked for, when it can.
    const split = event.server === undefined ? splitNamespacedName(event.namespacedName) : { server: event.server, name: event.tool ?? '' };
    const model = split ? `mcp/${split.server}/${split.name}` : `mcp/${event.namespacedName}`;
    this.#calls.finish(
      caller,
      {
        id: event.callId,
        kind: 'mcp',
        model,
        ok: event.status === 'success',
        outcome: event.status,
        durationMs: event.durationMs,
        cost: event.cost,
        fields: { server: event.server, tool: event.tool, namespacedTool: event.namespacedName, sessionId: event.sessionId, reason: event.reason },
      },
      held?.lease,
    );
  }

  async close(): Promise<void> {
    await this.handler.close();
    await this.bridge.close();
  }
}
