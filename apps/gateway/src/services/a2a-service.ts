import type { IncomingMessage, ServerResponse } from 'node:http';
import { A2aAgentRegistry, createA2aForwarder, type A2aAgentsConfig, type A2aCallReport, type A2aForwarder } from '@switchyard/a2a-client';
import type { Lease } from '@switchyard/governance';
import { sendError } from '../http/send-error.js';
import type { CallerAccess } from './caller-access.js';
import { newCallId, type ServiceCalls } from './service-calls.js';

/** A2A agents may carry `cost_per_query` (USD per call, default 0), charged to the caller's key. */
function costOf(entry: Record<string, unknown>): number {
  const cost = entry['cost_per_query'];
  return typeof cost === 'number' && cost >= 0 ? cost : 0;
}

/** The gateway's A2A side: the agent registry (config and stored agents) and the `/a2a/{agent}/` forwarder. */
export class A2aService {
  readonly registry: A2aAgentRegistry;
  readonly forwarder: A2aForwarder;
  readonly #costs = new Map<string, number>();
  readonly #calls: ServiceCalls;

  constructor(options: { agents: A2aAgentsConfig; calls: ServiceCalls; publicUrl?: string | undefined }) {
    this.#calls = options.calls;
    this.registry = new A2aAgentRegistry(options.agents);
    for (const agent of options.agents) this.#costs.set(agent.agent_name, costOf(agent));
    this.forwarder = createA2aForwarder({ registry: this.registry, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  }

  /** Adds or replaces an agent (validated); the management API's write. */
  register(entry: Record<string, unknown>): void {
    const agent = this.registry.register(entry);
    this.#costs.set(agent.name, costOf(entry));
  }

  remove(name: string): boolean {
    this.#costs.delete(name);
    return this.registry.remove(name);
  }

  /**
   * Serves one request below `/a2a/`: JSON-RPC calls are admitted against the caller's limits first (429 when
   * refused), then forwarded; every call is logged and charged as model `a2a/<agent>` when it is over.
   */
  async handle(incoming: IncomingMessage, outgoing: ServerResponse, caller: CallerAccess): Promise<void> {
    const agents = caller.agents ?? '*';
    const agent = /^\/a2a\/([^/?#]+)/.exec(incoming.url ?? '')?.[1];
    const charged = incoming.method === 'POST' && agent !== undefined && this.registry.has(agent) && (agents === '*' || agents.includes(agent));
    const cost = charged ? (this.#costs.get(agent) ?? 0) : 0;
    let lease: Lease | undefined;
    try {
      if (charged) lease = await this.#calls.admit(caller, cost);
    } catch (error) {
      sendError(outgoing, error);
      return;
    }
    const onCall = (report: A2aCallReport) => this.#calls.finish(caller, this.#asCall(report, charged ? cost : 0), lease);
    try {
      await this.forwarder.handle(incoming, outgoing, { agents, onCall });
    } finally {
      // Settling is idempotent: a call the forwarder did not report still gives its parallel slot back.
      void lease?.settle({ tokens: 0, cost: 0 }).catch(() => undefined);
    }
  }

  #asCall(report: A2aCallReport, cost: number) {
    const ok = report.outcome === 'ok';
    return {
      id: newCallId(),
      kind: 'a2a' as const,
      model: report.model,
      ok,
      outcome: report.outcome,
      durationMs: report.durationMs,
      cost: ok ? cost : 0,
      fields: {
        agent: report.agent,
        method: report.method,
        protocolVersion: report.protocolVersion,
        stream: report.stream,
        events: report.events,
        status: report.status,
        errorCode: report.errorCode,
        taskId: report.taskId,
        taskState: report.taskState,
      },
    };
  }
}
