import { parseRetryAfter, SwitchyardError, type ErrorKind, type SwitchyardErrorOptions } from '@switchyard/core';
import { classifyUpstreamMessage, errorKindForStatus, headerValue, redactSecrets } from '@switchyard/provider-kit';

const provider = 'bedrock';

interface ErrorRule {
  kind: ErrorKind;
  /** The HTTP status to report instead of the kind's default (a model failure is a 502, not a 503). */
  status?: number;
  /** The status Bedrock gives this exception; used for in-stream exceptions, which carry none. */
  upstreamStatus: number;
}

/** Bedrock's exception names (Smithy model) and what each means for a caller. */
const errorRules: Readonly<Record<string, ErrorRule>> = {
  validationexception: { kind: 'bad_request', upstreamStatus: 400 },
  conflictexception: { kind: 'bad_request', upstreamStatus: 400 },
  servicequotaexceededexception: { kind: 'rate_limit', upstreamStatus: 400 },
  throttlingexception: { kind: 'rate_limit', upstreamStatus: 429 },
  modelnotreadyexception: { kind: 'upstream_unavailable', status: 503, upstreamStatus: 429 },
  serviceunavailableexception: { kind: 'upstream_unavailable', status: 503, upstreamStatus: 503 },
  internalserverexception: { kind: 'upstream_unavailable', status: 500, upstreamStatus: 500 },
  modelerrorexception: { kind: 'upstream_unavailable', status: 502, upstreamStatus: 424 },
  modelstreamerrorexception: { kind: 'upstream_unavailable', status: 502, upstreamStatus: 424 },
  modeltimeoutexception: { kind: 'timeout', upstreamStatus: 408 },
  accessdeniedexception: { kind: 'permission', upstreamStatus: 403 },
  resourcenotfoundexception: { kind: 'not_found', upstreamStatus: 404 },
  // Signing and credential failures come from the AWS front door, not from Bedrock itself.
  unrecognizedclientexception: { kind: 'authentication', upstreamStatus: 403 },
  invalidsignatureexception: { kind: 'authentication', upstreamStatus: 403 },
  incompletesignatureexception: { kind: 'authentication', upstreamStatus: 403 },
  missingauthenticationtokenexception: { kind: 'authentication', upstreamStatus: 403 },
  expiredtokenexception: { kind: 'authentication', upstreamStatus: 403 },
};

const authenticationMessage = /authentication failed|security token|invalid api key|api key is (not )?valid/i;

/** `x-amzn-errortype: ValidationException:http://internal.amazon.com/coral/...` → `ValidationException`. */
export function errorTypeName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const name = raw.split(':')[0]?.split('#').pop()?.trim();
  return name ? name : undefined;
}

export interface BedrockErrorInput {
  /** The upstream HTTP status; undefined for an in-stream exception frame. */
  status: number | undefined;
  /** The exception name from `x-amzn-errortype`, the body's `__type`, or the frame's `:exception-type`. */
  errorType: string | undefined;
  message: string;
  headers?: Record<string, string | string[] | undefined>;
  /** Credentials to cut out of the message: AWS echoes the canonical request (session token included) on a bad signature. */
  secrets?: readonly string[];
}

function kindFor(rule: ErrorRule | undefined, status: number, message: string): ErrorKind {
  if (rule === undefined) {
    const classified = status === 400 || status === 413 ? classifyUpstreamMessage(message) : undefined;
    return classified ?? errorKindForStatus(status);
  }
  // "Input is too long for requested model", "too many input tokens": the context window, not a bad request.
  if (rule.kind === 'bad_request') return classifyUpstreamMessage(message) ?? 'bad_request';
  // An invalid Bedrock API key is reported as AccessDeniedException; it is a credential problem, not a grant.
  if (rule.kind === 'permission' && authenticationMessage.test(message)) return 'authentication';
  return rule.kind;
}

/** Builds the SwitchyardError for a Bedrock error response or an in-stream exception. */
export function bedrockError(input: BedrockErrorInput): SwitchyardError {
  const name = errorTypeName(input.errorType);
  const rule = name === undefined ? undefined : errorRules[name.toLowerCase()];
  const upstreamStatus = input.status ?? rule?.upstreamStatus ?? 500;
  const kind = kindFor(rule, upstreamStatus, input.message);
  const retryAfterMs = parseRetryAfter(headerValue(input.headers, 'retry-after'), headerValue(input.headers, 'retry-after-ms'));
  const status = kind === rule?.kind ? rule.status : kind === 'upstream_unavailable' ? upstreamStatus : undefined;
  const options: SwitchyardErrorOptions = { provider, upstreamStatus };
  if (status !== undefined) options.status = status;
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
  const label = name ?? `HTTP ${upstreamStatus}`;
  const message = redactSecrets(input.message, input.secrets ?? []) || 'no message';
  return new SwitchyardError(kind, `Bedrock ${label}: ${message}`, options);
}

/** Reads Bedrock's error body (`{"message"}`, `{"Message"}`, `{"__type"}`), tolerating anything else. */
export function parseBedrockErrorBody(text: string): { message: string; errorType: string | undefined } {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown> | null;
    if (parsed && typeof parsed === 'object') {
      const message = parsed['message'] ?? parsed['Message'];
      const type = parsed['__type'];
      return {
        message: typeof message === 'string' ? message : text.slice(0, 500),
        errorType: typeof type === 'string' ? type : undefined,
      };
    }
  } catch {
    // Not JSON: an HTML page from a proxy, or an empty body.
  }
  return { message: text.slice(0, 500), errorType: undefined };
}
