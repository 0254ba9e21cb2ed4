import { z } from 'zod';

/** Agent names sit in the gateway path (`/a2a/{agent}/`) and in the logged model name (`a2a/{agent}`). */
export const a2aAgentNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'A2A agent names start with a letter or digit and use letters, digits, ".", "_" and "-" only, at most 64',
  );

const headerNameSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name');

/** One entry of `a2a_agents:` (LiteLLM-style YAML, `os.environ/...` already resolved by the gateway). */
export const a2aAgentConfigSchema = z.looseObject({
  agent_name: a2aAgentNameSchema,
  /** The agent's base URL; its card is discovered at `.well-known/agent-card.json` below it. */
  url: z
    .url({ protocol: /^https?$/ })
    .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), 'put credentials in headers, not in the URL'),
  /** Headers sent to the agent on every request, its credentials included. Never logged, never echoed. */
  headers: z.record(headerNameSchema, z.string()).optional(),
  /** Seconds the agent may take to answer, and then between two stream events (default 600). */
  timeout: z.number().positive().optional(),
  description: z.string().optional(),
});

/** The `a2a_agents:` section: a list of agents with unique names. */
export const a2aAgentsConfigSchema = z.array(a2aAgentConfigSchema).superRefine((agents, context) => {
  const seen = new Set<string>();
  agents.forEach((agent, index) => {
    if (seen.has(agent.agent_name)) {
      context.addIssue({ code: 'custom', path: [index, 'agent_name'], message: `duplicate agent name "${agent.agent_name}"` });
    }
    seen.add(agent.agent_name);
  });
});

export type A2aAgentConfig = z.infer<typeof a2aAgentConfigSchema>;
export type A2aAgentsConfig = z.infer<typeof a2aAgentsConfigSchema>;

function describeIssues(section: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${[section, ...issue.path].join('.')}: ${issue.message}`).join('; ');
}

/** Parses `a2a_agents`, throwing an error that names the offending entry and field (never a header value). */
export function parseA2aAgentsConfig(input: unknown): A2aAgentsConfig {
  const parsed = a2aAgentsConfigSchema.safeParse(input ?? []);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid a2a_agents config: ${describeIssues('a2a_agents', parsed.error)}`);
}

/** Parses one agent (the management API's body), with the same error style. */
export function parseA2aAgentConfig(input: unknown): A2aAgentConfig {
  const parsed = a2aAgentConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid A2A agent: ${describeIssues('agent', parsed.error)}`);
}
