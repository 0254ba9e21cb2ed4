import { retryAfterHeaders, type ErrorKind, type ErrorSpec } from '../../reply/mock-request-error.js';
import { jsonReply, type BodyReply } from '../../reply/reply-types.js';
import type { WireFormat } from '../wire-format.js';

interface OpenAIErrorDefaults {
  status: number;
  type: string;
  code: string | null;
  message: string;
  param?: string;
}

const openaiErrors: Readonly<Record<ErrorKind, OpenAIErrorDefaults>> = {
  bad_request: { status: 400, type: 'invalid_request_error', code: null, message: 'Invalid request (mock fault bad_request).' },
  auth: {
    status: 401,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided (mock fault auth).',
  },
  not_found: { status: 404, type: 'invalid_request_error', code: 'not_found', message: 'Not found.' },
  payload_too_large: { status: 413, type: 'invalid_request_error', code: 'payload_too_large', message: 'Request too large.' },
  rate_limit: {
    status: 429,
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests (mock fault 429). Please try again later.',
  },
  server_error: {
    status: 500,
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  unavailable: {
    status: 503,
    type: 'server_error',
    code: 'service_unavailable',
    message: 'The engine is currently overloaded, please try again later.',
  },
  overloaded: { status: 529, type: 'server_error', code: 'overloaded', message: 'The server is overloaded (mock fault 529).' },
  context_window: {
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
    param: 'messages',
    message:
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 200000 tokens. Please reduce the length of the messages.",
  },
  content_policy: {
    status: 400,
    type: 'invalid_request_error',
    code: 'content_policy_violation',
    message: 'Your request was rejected as a result of our safety system (mock fault content_policy).',
  },
};

/** `{"error":{message,type,param,code}}` with the status of the failure. */
export function openaiErrorReply(spec: ErrorSpec): BodyReply {
  const defaults = openaiErrors[spec.kind];
  const error = {
    message: spec.message ?? defaults.message,
    type: defaults.type,
    param: spec.param ?? defaults.param ?? null,
    code: defaults.code,
  };
  return jsonReply(defaults.status, { error }, retryAfterHeaders(spec));
}

const midstreamFrame = `data: ${JSON.stringify({
  error: {
    message: 'The server had an error while processing your request (mock fault midstream).',
    type: 'server_error',
    param: null,
    code: null,
  },
})}\n\n`;

export const openaiFormat: WireFormat = {
  name: 'openai',
  errorReply: (spec) => openaiErrorReply(spec),
  midstreamError: () => midstreamFrame,
};

const azureContentFilterResult = {
  hate: { filtered: true, severity: 'high' },
  jailbreak: { filtered: false, detected: false },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

/** Azure speaks OpenAI's shapes, except for its own key and content-filter errors. */
export const azureFormat: WireFormat = {
  name: 'azure',
  errorReply(spec) {
    if (spec.kind === 'auth') {
      const message =
        spec.message ??
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
      return jsonReply(401, { error: { code: '401', message } });
    }
    if (spec.kind === 'content_policy') {
      const error = {
        message:
          spec.message ??
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy (mock fault content_policy).",
        type: null,
        param: 'prompt',
        code: 'content_filter',
        status: 400,
        innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: azureContentFilterResult },
      };
      return jsonReply(400, { error });
    }
    return openaiErrorReply(spec);
  },
  midstreamError: () => midstreamFrame,
};
