import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorSpec } from '../../reply/mock-request-error.js';
import type { Reply } from '../../reply/reply-types.js';
import type { Route, RouteContext } from '../wire-format.js';
import { handleConverse } from './bedrock-converse.js';
import { bedrockFormat } from './bedrock-format.js';
import { handleInvokeEmbeddings } from './bedrock-invoke-embeddings.js';

/** Any `Authorization` (SigV4 or a Bedrock API key); the signature itself is not checked. */
function checkAuthorization(headers: IncomingHttpHeaders): ErrorSpec | undefined {
  if ((headers.authorization ?? '') !== '') return undefined;
  return { kind: 'auth', message: 'Missing Authentication Token' };
}

function handleModelAction(context: RouteContext): Reply {
  const action = context.params['action'];
  if (action === 'invoke') return handleInvokeEmbeddings(context);
  return handleConverse(context, action === 'converse-stream');
}

export const bedrockRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/model\/(?<modelId>[^/]+)\/(?<action>converse|converse-stream|invoke)$/,
    format: bedrockFormat,
    checkAccess: checkAuthorization,
    isStream: (params) => params['action'] === 'converse-stream',
    handle: handleModelAction,
  },
];
