import { SwitchyardError, type ProviderSettings } from '@switchyard/core';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** How requests are authenticated: SigV4 with AWS credentials, or a Bedrock API key sent as a bearer token. */
export type BedrockAuth = { type: 'sigv4'; credentials: AwsCredentials } | { type: 'bearer'; token: string };

export interface BedrockConnection {
  region: string;
  /** The runtime endpoint origin (and optional path prefix), without a trailing slash. */
  endpoint: string;
  /** The auth to use, or the error every call fails with when none could be resolved. */
  auth: BedrockAuth | SwitchyardError;
  /** Every credential value, to be cut out of any upstream message before it reaches a caller. */
  secrets: string[];
}

const defaultRegion = 'us-east-1';
const unsupportedOptions = ['aws_role_name', 'aws_profile_name', 'aws_web_identity_token', 'aws_sts_endpoint'];

function optionString(options: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = options?.[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new SwitchyardError('bad_request', `Bedrock option ${name} must be a string.`);
  return value;
}

function envString(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function sigv4(accessKeyId: string, secretAccessKey: string, sessionToken: string | undefined): BedrockAuth {
  return {
    type: 'sigv4',
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) },
  };
}

function explicitAuth(settings: ProviderSettings): BedrockAuth | SwitchyardError | undefined {
  if (settings.apiKey) return { type: 'bearer', token: settings.apiKey };
  const unsupported = unsupportedOptions.find((name) => settings.options?.[name] !== undefined);
  if (unsupported) {
    return new SwitchyardError(
      'authentication',
      `Bedrock option ${unsupported} is not supported: pass aws_access_key_id and aws_secret_access_key, or a Bedrock API key.`,
    );
  }
  const accessKeyId = optionString(settings.options, 'aws_access_key_id');
  const secretAccessKey = optionString(settings.options, 'aws_secret_access_key');
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    const missing = accessKeyId === undefined ? 'aws_access_key_id' : 'aws_secret_access_key';
    return new SwitchyardError('authentication', `Bedrock option ${missing} is missing (the other half of the key pair is set).`);
  }
  return sigv4(accessKeyId, secretAccessKey, optionString(settings.options, 'aws_session_token'));
}

function environmentAuth(env: NodeJS.ProcessEnv): BedrockAuth | SwitchyardError {
  const token = envString(env, 'AWS_BEARER_TOKEN_BEDROCK');
  if (token) return { type: 'bearer', token };
  const accessKeyId = envString(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = envString(env, 'AWS_SECRET_ACCESS_KEY');
  if (accessKeyId && secretAccessKey) return sigv4(accessKeyId, secretAccessKey, envString(env, 'AWS_SESSION_TOKEN'));
  return new SwitchyardError(
    'authentication',
    'Bedrock credentials are missing. Set aws_access_key_id and aws_secret_access_key (or the AWS_ACCESS_KEY_ID and ' +
      'AWS_SECRET_ACCESS_KEY environment variables), or a Bedrock API key (api_key or AWS_BEARER_TOKEN_BEDROCK).',
  );
}

function resolveEndpoint(settings: ProviderSettings, region: string): string {
  const endpoint =
    settings.baseURL ?? optionString(settings.options, 'aws_bedrock_runtime_endpoint') ?? `https://bedrock-runtime.${region}.amazonaws.com`;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new SwitchyardError('bad_request', 'The Bedrock endpoint is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SwitchyardError('bad_request', 'The Bedrock endpoint must be an http(s) URL.');
  }
  return endpoint.replace(/\/+$/, '');
}

/**
 * Resolves region, endpoint and auth from LiteLLM-named options, then the environment. Order: `apiKey` (a
 * Bedrock API key), explicit `aws_access_key_id`/`aws_secret_access_key`/`aws_session_token`, then
 * `AWS_BEARER_TOKEN_BEDROCK`, then `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`. The region
 * falls back to `AWS_REGION`, `AWS_DEFAULT_REGION`, then us-east-1. Missing credentials do not throw here: every
 * call fails with an authentication error instead, so a gateway can start without them.
 */
export function resolveBedrockConnection(settings: ProviderSettings, env: NodeJS.ProcessEnv = process.env): BedrockConnection {
  const region =
    optionString(settings.options, 'aws_region_name') ??
    envString(env, 'AWS_REGION') ??
    envString(env, 'AWS_DEFAULT_REGION') ??
    defaultRegion;
  if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new SwitchyardError('bad_request', 'The Bedrock region is malformed.');
  const auth = explicitAuth(settings) ?? environmentAuth(env);
  const secrets =
    SwitchyardError.isInstance(auth)
      ? []
      : auth.type === 'bearer'
        ? [auth.token]
        : [auth.credentials.accessKeyId, auth.credentials.secretAccessKey, auth.credentials.sessionToken ?? ''];
  return { region, endpoint: resolveEndpoint(settings, region), auth, secrets: secrets.filter((secret) => secret !== '') };
}
