import { parseA2aAgentConfig, parseA2aAgentsConfig, type A2aAgentConfig } from './a2a-agent-config.js';

const defaultTimeoutMs = 600_000;

/** A registered agent, ready to call. */
export interface A2aAgent {
  readonly name: string;
  /** The configured URL: the agent's base URL (with a trailing slash) or the URL of its card (`….json`). */
  readonly url: string;
  /** Headers for the agent (its credentials); only ever sent to the agent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly description: string | undefined;
}

/** What the management API may show of an agent: no header values. */
export interface A2aAgentSummary {
  agent_name: string;
  url: string;
  description?: string;
  header_names: string[];
}

function normaliseUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/') && !parsed.pathname.endsWith('.json')) parsed.pathname += '/';
  return parsed.toString();
}

function toAgent(config: A2aAgentConfig): A2aAgent {
  return Object.freeze({
    name: config.agent_name,
    url: normaliseUrl(config.url),
    headers: Object.freeze({ ...config.headers }),
    timeoutMs: config.timeout === undefined ? defaultTimeoutMs : Math.round(config.timeout * 1000),
    description: config.description,
  });
}

/** The agents the gateway serves at `/a2a/{agent}/`, from `a2a_agents` and the management API. */
export class A2aAgentRegistry {
  readonly #agents = new Map<string, A2aAgent>();

  constructor(configs: readonly A2aAgentConfig[] = []) {
    for (const config of configs) this.#agents.set(config.agent_name, toAgent(config));
  }

  /** Builds the registry from the raw `a2a_agents` section (validated with the package's zod schema). */
  static fromConfig(section: unknown): A2aAgentRegistry {
    return new A2aAgentRegistry(parseA2aAgentsConfig(section));
  }

  get(name: string): A2aAgent | undefined {
    return this.#agents.get(name);
  }

  has(name: string): boolean {
    return this.#agents.has(name);
  }

  list(): A2aAgent[] {
    return [...this.#agents.values()];
  }

  /** Adds an agent, or replaces the one with the same name; the input is validated first. */
  register(config: unknown): A2aAgent {
    const agent = toAgent(parseA2aAgentConfig(config));
    this.#agents.set(agent.name, agent);
    return agent;
  }

  remove(name: string): boolean {
    return this.#agents.delete(name);
  }
}

/** The management view of an agent: everything but header values. */
export function summariseA2aAgent(agent: A2aAgent): A2aAgentSummary {
  return {
    agent_name: agent.name,
    url: agent.url,
    ...(agent.description === undefined ? {} : { description: agent.description }),
    header_names: Object.keys(agent.headers),
  };
}
