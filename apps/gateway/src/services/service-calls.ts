import { randomUUID } from 'node:crypto';
import type { Lease } from '@switchyard/governance';
import type { Logger } from '../observability/logger.js';
import type { CallerAccess } from './caller-access.js';
import type { ServiceGovernance } from './service-governance.js';

/** One MCP tool call or A2A call, as logged and charged (model `mcp/<server>/<tool>` or `a2a/<agent>`). */
export interface ServiceCall {
  /** Unique; the spend log's request id. */
  id: string;
  kind: 'mcp' | 'a2a';
  /** `mcp/<server>/<tool>` or `a2a/<agent>`. */
  model: string;
  ok: boolean;
  /** `success`, `tool_error`, `refused`... for MCP; the forwarder's outcome for A2A. */
  outcome: string;
  durationMs: number;
  cost: number;
  /** What else goes in the log line (server, tool, agent, method, status...): never arguments or results. */
  fields: Record<string, unknown>;
}

/**
 * Logs MCP and A2A calls like model calls and counts them against the caller's limits: one pino line per call
 * always; with governance, a spend log through the spend buffer and a limiter lease around the call.
 */
export class ServiceCalls {
  readonly #logger: Logger;
  readonly #governance: ServiceGovernance | undefined;

  constructor(logger: Logger, governance: ServiceGovernance | undefined) {
    this.#logger = logger;
    this.#governance = governance;
  }

  /** Admits one call against the caller's rpm, parallel and budget limits; throws a `rate_limit` error when refused. */
  async admit(caller: CallerAccess, estimatedCost: number): Promise<Lease | undefined> {
    if (!this.#governance || caller.scopes.length === 0) return undefined;
    return this.#governance.limiter.acquire(caller.scopes, { cost: estimatedCost });
  }

  /** Settles the lease (if any), writes the log line and queues the spend log. Never throws. */
  finish(caller: CallerAccess, call: ServiceCall, lease: Lease | undefined): void {
    lease?.settle({ tokens: 0, cost: call.cost }).catch((error: unknown) => this.#logger.warn({ err: { name: (error as Error)?.name } }, 'limiter settle failed'));
    const line = { requestId: call.id, kind: call.kind, model: call.model, subject: caller.subject, outcome: call.outcome, latencyMs: Math.round(call.durationMs * 100) / 100, cost: call.cost, ...call.fields };
    this.#logger.info(line, `${call.kind} call`);
    if (!this.#governance) return;
    const endedAt = new Date();
    const key = caller.key;
    try {
      this.#governance.spend.add({
        requestId: call.id,
        keyHash: key?.key.keyHash ?? null,
        userId: key?.key.userId ?? null,
        teamId: key?.key.teamId ?? null,
        organisationId: key?.organisation?.id ?? null,
        modelGroup: call.model,
        provider: call.kind,
        model: call.model,
        route: call.kind === 'mcp' ? '/mcp' : '/a2a',
        cost: call.cost,
        latencyMs: Math.round(call.durationMs),
        status: call.ok ? 'success' : 'failure',
        errorClass: call.ok ? null : call.outcome,
        metadata: { ...call.fields, outcome: call.outcome },
        startedAt: new Date(endedAt.getTime() - Math.round(call.durationMs)),
        endedAt,
      });
    } catch {
      // The spend buffer never throws by contract; a logging path must not break the call regardless.
    }
  }
}

export function newCallId(): string {
  return randomUUID();
}
