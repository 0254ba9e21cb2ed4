import { loadOptionalSetting, loadSetting, type HttpClient } from '@switchyard/provider-kit';
import { CredentialsTokenSource, staticTokenSource, type VertexTokenSource } from './vertex-auth.js';
import { loadVertexCredentials } from './vertex-credentials.js';

export interface VertexSettingsInput {
  apiKey: string | undefined;
  options: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  timeoutMs: number | undefined;
  /** The clock for token expiry, in milliseconds. */
  now: (() => number) | undefined;
}

export interface ResolvedVertexSettings {
  project: string;
  location: string;
  tokens: VertexTokenSource;
}

function optionText(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function firstEnv(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = loadOptionalSetting({ value: undefined, envVar: name, description: name, env });
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Resolves Vertex settings from LiteLLM's names: `vertex_project`, `vertex_location` (default us-central1) and
 * `vertex_credentials` (a key file path, its JSON, or the parsed object) in `options`, falling back to
 * VERTEXAI_PROJECT / GOOGLE_CLOUD_PROJECT, VERTEXAI_LOCATION / GOOGLE_CLOUD_LOCATION and VERTEXAI_CREDENTIALS /
 * GOOGLE_APPLICATION_CREDENTIALS. A ready token (`vertex_access_token`, or the api key) skips the exchange.
 */
export function resolveVertexSettings(input: VertexSettingsInput): ResolvedVertexSettings {
  const { options, env } = input;
  const token = optionText(options, 'vertex_access_token') ?? input.apiKey;
  const credentialsValue = options['vertex_credentials'] ?? firstEnv(env, ['VERTEXAI_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS']);
  const credentials = token === undefined && credentialsValue !== undefined ? loadVertexCredentials(credentialsValue) : undefined;
  const tokens = credentials
    ? new CredentialsTokenSource(credentials, { http: input.http, ...(input.now ? { now: input.now } : {}), ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}) })
    : staticTokenSource(loadSetting({ value: token, envVar: undefined, description: 'Vertex AI credentials (vertex_credentials, GOOGLE_APPLICATION_CREDENTIALS or an access token)' }));
  const project = loadSetting({
    value: optionText(options, 'vertex_project') ?? firstEnv(env, ['VERTEXAI_PROJECT', 'GOOGLE_CLOUD_PROJECT']) ?? credentials?.projectId,
    envVar: 'VERTEXAI_PROJECT',
    description: 'The Vertex AI project (vertex_project)',
    env,
  });
  const location = optionText(options, 'vertex_location') ?? firstEnv(env, ['VERTEXAI_LOCATION', 'GOOGLE_CLOUD_LOCATION']) ?? 'us-central1';
  return { project, location, tokens };
}
