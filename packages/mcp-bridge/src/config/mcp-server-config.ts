import { z } from 'zod';

/** Server names become tool prefixes (`<server>-<tool>`), so they may not contain the separator `-`. */
export const mcpServerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,48}$/, 'MCP server names use letters, digits and underscores only (no "-"), at most 48');

export const mcpAuthTypeSchema = z.enum(['none', 'api_key', 'bearer_token', 'basic', 'token', 'authorization']);

export const mcpServerCostInfoSchema = z.looseObject({
  default_cost_per_query: z.number().nonnegative().nullish(),
  tool_name_to_cost_per_query: z.record(z.string(), z.number().nonnegative()).nullish(),
});

const commonFields = {
  description: z.string().optional(),
  /** Only these upstream tools (un-prefixed names) are offered; wins over `disallowed_tools`. */
  allowed_tools: z.array(z.string()).optional(),
  disallowed_tools: z.array(z.string()).optional(),
  /** Client request headers (names) forwarded to an http/sse upstream on each request. */
  extra_headers: z.array(z.string()).optional(),
  /** Seconds one upstream request may take (default: the bridge's `requestTimeoutMs`). */
  timeout: z.number().positive().optional(),
  mcp_info: z
    .looseObject({
      server_name: z.string().optional(),
      description: z.string().optional(),
      mcp_server_cost_info: mcpServerCostInfoSchema.nullish(),
    })
    .optional(),
};

export const stdioServerConfigSchema = z.looseObject({
  ...commonFields,
  transport: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  /** The whole environment the child gets (plus PATH, see README); never the gateway's own. */
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
});

export const remoteServerConfigSchema = z
  .looseObject({
    ...commonFields,
    transport: z.enum(['http', 'sse']),
    url: z.url({ protocol: /^https?$/ }),
    auth_type: mcpAuthTypeSchema.default('none'),
    /** Already resolved by the gateway's config loader (`os.environ/...`); never logged. */
    auth_value: z.string().optional(),
    /** Static headers sent on every upstream request. */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .refine((server) => server.auth_type === 'none' || (server.auth_value ?? '') !== '', {
    message: 'auth_value is required when auth_type is not "none"',
    path: ['auth_value'],
  });

/** `transport` may be left out: `command` means stdio, `url` means streamable HTTP. */
function inferTransport(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'transport' in value) return value;
  if ('command' in value) return { ...value, transport: 'stdio' };
  if ('url' in value) return { ...value, transport: 'http' };
  return value;
}

export const mcpServerConfigSchema = z.preprocess(
  inferTransport,
  z.discriminatedUnion('transport', [stdioServerConfigSchema, remoteServerConfigSchema]),
);

/** The `mcp_servers:` section of a LiteLLM-style config, as parsed YAML. */
export const mcpServersConfigSchema = z.record(mcpServerNameSchema, mcpServerConfigSchema);

export type McpAuthType = z.infer<typeof mcpAuthTypeSchema>;
export type StdioServerConfig = z.infer<typeof stdioServerConfigSchema>;
export type RemoteServerConfig = z.infer<typeof remoteServerConfigSchema>;
export type McpServerConfig = z.infer<typeof mcpServerConfigSchema>;
export type McpServersConfig = z.infer<typeof mcpServersConfigSchema>;
/** What a caller may pass before parsing (defaults not yet applied). */
export type McpServersConfigInput = z.input<typeof mcpServersConfigSchema>;

/** Parses `mcp_servers`, throwing an error that names the offending server and field (never a value). */
export function parseMcpServersConfig(input: unknown): McpServersConfig {
  const parsed = mcpServersConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const message = issue.code === 'invalid_key' ? 'server names use letters, digits and underscores only (no "-")' : issue.message;
    return `${['mcp_servers', ...issue.path].join('.')}: ${message}`;
  });
  throw new Error(`Invalid mcp_servers config: ${details.join('; ')}`);
}
