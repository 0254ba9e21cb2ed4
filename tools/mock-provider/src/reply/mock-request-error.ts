/** The failures a wire format knows how to express in its own error shape. */
export type ErrorKind =
  | 'bad_request'
  | 'auth'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limit'
  | 'server_error'
  | 'unavailable'
  | 'overloaded'
  | 'context_window'
  | 'content_policy';

export interface ErrorSpec {
  kind: ErrorKind;
  /** Overrides the format's default message for this kind. */
  message?: string;
  /** The request field at fault, for formats that report one (OpenAI `param`). */
  param?: string;
  /** Seconds for the `retry-after` header (and Gemini's RetryInfo). */
  retryAfter?: number;
}

/** Thrown by a route handler to answer with an error in the route's own wire format. */
export class MockRequestError extends Error {
  readonly spec: ErrorSpec;

  constructor(spec: ErrorSpec & { message: string }) {
    super(spec.message);
    this.name = 'MockRequestError';
    this.spec = spec;
  }
}

export function badRequest(message: string, param?: string): MockRequestError {
  return new MockRequestError(param === undefined ? { kind: 'bad_request', message } : { kind: 'bad_request', message, param });
}

const retryableKinds: ReadonlySet<ErrorKind> = new Set(['rate_limit', 'unavailable', 'overloaded']);

/** The `retry-after` header for 429, 503 and 529 answers of a scenario with `retry_after`. */
export function retryAfterHeaders(spec: ErrorSpec): Record<string, string> {
  if (spec.retryAfter === undefined || !retryableKinds.has(spec.kind)) return {};
  return { 'retry-after': String(spec.retryAfter) };
}
