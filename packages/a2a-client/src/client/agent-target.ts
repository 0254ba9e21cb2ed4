import { getDefaultHttpClient, type HttpClient } from '@switchyard/provider-kit';
import type { A2aAgent } from '../config/a2a-agent-registry.js';

const defaultTimeoutMs = 600_000;

export interface AgentConnectionOptions {
  /** Headers for the agent (its credentials); they go to the agent only and never appear in errors. */
  headers?: Record<string, string>;
  /** Time allowed for a call, and for a stream between two events, in milliseconds (default 600 000). */
  timeoutMs?: number;
  /** The HTTP client (provider-kit's pooled undici client by default). */
  http?: HttpClient;
}

/** A registered agent, or the base URL of an agent (or of its card, `….json`). */
export type A2aAgentTarget = string | A2aAgent;

/** The agent a call goes to: a registry entry as it is, a URL with the options' headers and timeout. */
export function resolveAgentTarget(target: A2aAgentTarget, options: AgentConnectionOptions): A2aAgent {
  if (typeof target !== 'string') {
    return options.timeoutMs === undefined ? target : { ...target, timeoutMs: options.timeoutMs };
  }
  const url = new URL(target);
  if (!url.pathname.endsWith('/') && !url.pathname.endsWith('.json')) url.pathname += '/';
  return {
    name: url.host,
    url: url.toString(),
    headers: { ...options.headers },
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    description: undefined,
  };
}

export function httpClientOf(options: AgentConnectionOptions): HttpClient {
  return options.http ?? getDefaultHttpClient();
}
