import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorSpec } from '../../reply/mock-request-error.js';
import type { Route } from '../wire-format.js';
import { handleChatCompletions, isChatStream } from './openai-chat.js';
import { handleEmbeddings } from './openai-embeddings.js';
import { azureFormat, openaiFormat } from './openai-format.js';
import { handleListModels } from './openai-models.js';

const notStream = (): boolean => false;

export const openaiRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/chat\/completions$/,
    format: openaiFormat,
    isStream: (_params, json) => isChatStream(json),
    handle: (context) => handleChatCompletions(context),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/embeddings$/,
    format: openaiFormat,
    isStream: notStream,
    handle: (context) => handleEmbeddings(context),
  },
  { method: 'GET', pattern: /^\/v1\/models$/, format: openaiFormat, isStream: notStream, handle: handleListModels },
];

/** Azure answers 401 without an `api-key` header and 400 without `?api-version=`. */
function checkAzureAccess(headers: IncomingHttpHeaders, query: Readonly<Record<string, string>>): ErrorSpec | undefined {
  const key = headers['api-key'];
  if (typeof key !== 'string' || key === '') {
    return {
      kind: 'auth',
      message:
        'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    };
  }
  if (query['api-version'] === undefined || query['api-version'] === '') {
    return { kind: 'bad_request', message: "Missing required query parameter 'api-version'.", param: 'api-version' };
  }
  return undefined;
}

export const azureRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/(?<deployment>[^/]+)\/chat\/completions$/,
    format: azureFormat,
    checkAccess: checkAzureAccess,
    isStream: (_params, json) => isChatStream(json),
    handle: (context) => handleChatCompletions(context, context.params['deployment']),
  },
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/(?<deployment>[^/]+)\/embeddings$/,
    format: azureFormat,
    checkAccess: checkAzureAccess,
    isStream: notStream,
    handle: (context) => handleEmbeddings(context, context.params['deployment']),
  },
];
