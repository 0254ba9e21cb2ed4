import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, formatKeyPath } from './config-error.js';
import { configFileSchema, type ConfigFile } from './config-schema.js';
import { defaultSettings, megabytesToBytes, type AlertingConfig, type DeploymentConfig, type GatewayConfig } from './gateway-config.js';
import { resolveEnvReferences } from './resolve-env-references.js';
import { splitUnsupportedKeys, unsupportedKeysWarning } from './unsupported-keys.js';

function parseYaml(text: string, source: string): Record<string, unknown> {
  // YAML 1.1 and duplicate keys allowed: what PyYAML, and so LiteLLM, accepts (`tpm: 20_000` is a number there).
  const document = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: true });
  const first = document.errors[0];
  if (first) {
    const where = first.linePos?.[0] ? ` at line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    const reason = first.message.split('\n')[0] ?? first.message;
    throw new ConfigError(`${source}: the file is not valid YAML${where}: ${reason}. Fix the syntax and start again.`);
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${source}: the top level must be a mapping with keys such as model_list and general_settings.`);
  }
  return value as Record<string, unknown>;
}

/** LiteLLM sets `environment_variables` into the process environment before anything else reads it. */
function applyEnvironmentVariables(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, source: string): void {
  const section = raw['environment_variables'];
  if (section === undefined || section === null) return;
  if (typeof section !== 'object' || Array.isArray(section)) {
    throw new ConfigError(`${source}: environment_variables must be a mapping of NAME: value.`);
  }
  const resolved = resolveEnvReferences(section, env);
  for (const [name, value] of Object.entries(resolved.value as Record<string, unknown>)) {
    if (value !== undefined && value !== null) env[name] = String(value);
  }
}

function describeIssue(source: string, issue: z.core.$ZodIssue): string {
  // A bad record key (an MCP server name) carries the key's own problem one level down.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return `${source}: ${formatKeyPath(issue.path)}: ${message}. Fix this value and start again.`;
}

function toDeployments(file: ConfigFile, source: string): DeploymentConfig[] {
  return (file.model_list ?? []).map((entry, index) => {
    const params = entry.litellm_params ?? entry.params;
    if (!params) {
      throw new ConfigError(`${source}: model_list[${index}] has no litellm_params. Add litellm_params.model: "<provider>/<model>".`);
    }
    return { modelName: entry.model_name, params, modelInfo: entry.model_info ?? {}, path: `model_list[${index}]` };
  });
}

function alertingOf(file: ConfigFile): AlertingConfig | undefined {
  const settings = file.general_settings;
  if (!settings || (settings.alerting == null && settings.alerting_webhook_url === undefined)) return undefined;
  return {
    channels: settings.alerting ?? [],
    webhookUrl: settings.alerting_webhook_url,
    webhookAllowPrivate: settings.alerting_webhook_allow_private ?? false,
  };
}

/** Parses the text of a LiteLLM-shaped YAML config. Throws ConfigError with the file, key path and fix. */
export function parseConfigText(text: string, source: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const raw = parseYaml(text, source);
  applyEnvironmentVariables(raw, env, source);
  const { config, unsupported } = splitUnsupportedKeys(raw);
  const resolved = resolveEnvReferences(config, env);
  if (resolved.missing.length > 0) {
    const list = resolved.missing.map((ref) => `${ref.name} (at ${ref.path})`).join(', ');
    const names = [...new Set(resolved.missing.map((ref) => ref.name))].join(', ');
    throw new ConfigError(`${source}: environment variable not set: ${list}. Export ${names} before starting, or replace the os.environ/ reference with a value.`);
  }
  const parsed = configFileSchema.safeParse(resolved.value);
  if (!parsed.success) throw new ConfigError(describeIssue(source, parsed.error.issues[0]!));
  const file = parsed.data;
  const warning = unsupportedKeysWarning(source, unsupported);
  return {
    source,
    deployments: toDeployments(file, source),
    masterKey: file.general_settings?.master_key,
    databaseUrl: file.general_settings?.database_url,
    alerting: alertingOf(file),
    maxRequestBytes: megabytesToBytes(file.general_settings?.max_request_size_mb ?? defaultSettings.maxRequestSizeMb),
    requestTimeoutMs:
      (file.litellm_settings?.request_timeout ?? file.router_settings?.timeout ?? defaultSettings.requestTimeoutSeconds) * 1000,
    numRetries: file.router_settings?.num_retries ?? file.litellm_settings?.num_retries ?? defaultSettings.numRetries,
    dropParams: file.litellm_settings?.drop_params ?? false,
    routerSettings: { ...file.router_settings },
    litellmSettings: { ...file.litellm_settings },
    mcpServers: file.mcp_servers ?? {},
    a2aAgents: file.a2a_agents ?? [],
    warnings: warning === undefined ? [] : [warning],
  };
}

/** Reads and parses a config file. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory' : `it cannot be read (${code ?? 'error'})`;
    throw new ConfigError(`${path}: ${reason}. Pass an existing YAML file with --config or SWITCHYARD_CONFIG.`);
  }
  return parseConfigText(text, path, env);
}
