import { retryAfterHeaders, type ErrorKind } from '../../reply/mock-request-error.js';
import { jsonReply } from '../../reply/reply-types.js';
import type { WireFormat } from '../wire-format.js';
import { exceptionFrame } from './bedrock-event-stream.js';

export const bedrockRequestId = 'mock-request-id';
export const bedrockEventStreamType = 'application/vnd.amazon.eventstream';

const bedrockErrors: Readonly<Record<ErrorKind, { status: number; type: string; message: string }>> = {
  bad_request: { status: 400, type: 'ValidationException', message: 'Invalid request (mock fault bad_request).' },
  auth: {
    status: 403,
    type: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid (mock fault auth).',
  },
  not_found: { status: 404, type: 'ResourceNotFoundException', message: 'Not found.' },
  payload_too_large: { status: 400, type: 'ValidationException', message: 'The request body is too large.' },
  rate_limit: { status: 429, type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' },
  server_error: { status: 500, type: 'InternalServerException', message: 'Internal server error (mock fault 500).' },
  unavailable: { status: 503, type: 'ServiceUnavailableException', message: 'Service unavailable (mock fault 503).' },
  overloaded: { status: 529, type: 'ServiceUnavailableException', message: 'The model is overloaded (mock fault 529).' },
  context_window: { status: 400, type: 'ValidationException', message: 'Input is too long for requested model.' },
  content_policy: { status: 400, type: 'ValidationException', message: 'Output blocked by content filtering policy' },
};

const midstreamFrame = exceptionFrame('modelStreamErrorException', {
  message: 'The model stream was interrupted (mock fault midstream).',
  originalStatusCode: 500,
  originalMessage: 'mock midstream fault',
});

/** `{"message"}` with `x-amzn-errortype: <Exception>:…`; a broken stream ends with an exception frame. */
export const bedrockFormat: WireFormat = {
  name: 'bedrock',
  errorReply(spec) {
    const defaults = bedrockErrors[spec.kind];
    return jsonReply(
      defaults.status,
      { message: spec.message ?? defaults.message },
      {
        'x-amzn-errortype': `${defaults.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
        'x-amzn-requestid': bedrockRequestId,
        ...retryAfterHeaders(spec),
      },
    );
  },
  midstreamError: () => midstreamFrame,
};
