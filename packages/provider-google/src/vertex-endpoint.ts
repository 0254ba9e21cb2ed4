import { SwitchyardError } from '@switchyard/core';
import { methodSuffix, trimBase } from './google-model-path.js';
import type { GoogleEndpoint } from './google-transport.js';
import type { VertexTokenSource } from './vertex-auth.js';

export interface VertexEndpointSettings {
  provider: string;
  project: string;
  location: string;
  baseURL: string | undefined;
  apiVersion: string | undefined;
  tokens: VertexTokenSource;
}

const resourceIdPattern = /^[a-z0-9][a-z0-9-]*$/i;

/** The regional host, or aiplatform.googleapis.com for the global location. */
export function vertexBaseURL(location: string): string {
  return location === 'global' ? 'https://aiplatform.googleapis.com' : `https://${location}-aiplatform.googleapis.com`;
}

/**
 * Vertex AI: `{base}/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:method` with an
 * OAuth2 bearer token.
 */
export function vertexEndpoint(settings: VertexEndpointSettings): GoogleEndpoint {
  for (const [name, value] of [['vertex_project', settings.project], ['vertex_location', settings.location]] as const) {
    if (!resourceIdPattern.test(value)) throw new SwitchyardError('bad_request', `${name} "${value.slice(0, 64)}" is not a valid Google Cloud id`);
  }
  const base = trimBase(settings.baseURL ?? vertexBaseURL(settings.location));
  const root = `${base}/${settings.apiVersion ?? 'v1'}/projects/${settings.project}/locations/${settings.location}/publishers/google`;
  return {
    provider: settings.provider,
    api: 'vertex',
    url: (model, method) => `${root}/models/${model.replace(/^models\//, '')}${methodSuffix(method)}`,
    authHeaders: async (signal) => ({ authorization: `Bearer ${await settings.tokens.token(signal)}` }),
    secrets: () => settings.tokens.secrets(),
  };
}
