import type { A2aAgentsConfig } from '@switchyard/a2a-client/config';
import type { McpServersConfig } from '@switchyard/mcp-bridge/config';
import type { DeploymentParams } from './config-schema.js';

/** One `model_list` entry, validated and with its `os.environ/` references resolved. */
export interface DeploymentConfig {
  /** The public model group name clients send as `model` (may be a wildcard such as `openai/*`). */
  modelName: string;
  params: DeploymentParams;
  modelInfo: Record<string, unknown>;
  /** Where it sits in the file, for messages: `model_list[3]`. */
  path: string;
}

/** `general_settings.alerting*`: where soft-budget alerts go besides the log and /metrics. */
export interface AlertingConfig {
  /** LiteLLM's channel names (`webhook`, `slack`, ...); only `webhook` is acted on. */
  channels: string[];
  webhookUrl: string | undefined;
  /** Let the webhook be a private or loopback address (refused by default). */
  webhookAllowPrivate: boolean;
}

/** Everything the gateway acts on, normalised from a LiteLLM-shaped config file or the built-in demo. */
export interface GatewayConfig {
  /** The file it came from, or a description of the built-in config. */
  source: string;
  deployments: DeploymentConfig[];
  masterKey: string | undefined;
  /** `general_settings.database_url`: the governance store's Postgres (DATABASE_URL wins). */
  databaseUrl: string | undefined;
  /** Absent when the config sets no alerting (SWITCHYARD_ALERT_WEBHOOK_URL may still turn the webhook on). */
  alerting?: AlertingConfig | undefined;
  maxRequestBytes: number;
  /** Default per-attempt upstream timeout. */
  requestTimeoutMs: number;
  /** Retries after the first attempt for retryable failures. */
  numRetries: number;
  dropParams: boolean;
  /** `router_settings` as validated by the router's schema (env references resolved), for `createRouter`. */
  routerSettings: Record<string, unknown>;
  /** `litellm_settings` (env references resolved); its routing keys apply where router_settings does not set them. */
  litellmSettings: Record<string, unknown>;
  /** `mcp_servers`: upstream MCP servers served at /mcp (validated, env references resolved). */
  mcpServers: McpServersConfig;
  /** `a2a_agents`: A2A agents served at /a2a/{agent}/. */
  a2aAgents: A2aAgentsConfig;
  /** Start-up warnings (ignored keys); printed once. */
  warnings: string[];
}

export const defaultSettings = {
  maxRequestSizeMb: 8,
  requestTimeoutSeconds: 600,
  numRetries: 2,
} as const;

export function megabytesToBytes(mb: number): number {
  return Math.floor(mb * 1024 * 1024);
}
