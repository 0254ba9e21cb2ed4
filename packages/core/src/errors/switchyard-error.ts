import { errorKinds, type ErrorKind } from './error-kind.js';

const marker = Symbol.for('switchyard.error');

export interface SwitchyardErrorOptions {
  /** Overrides the kind's default HTTP status (an upstream 502 stays 502, for example). */
  status?: number;
  code?: string | null;
  param?: string | null;
  /** Milliseconds the caller should wait before trying again (from retry-after, RetryInfo, ...). */
  retryAfterMs?: number;
  /** The provider id the error came from, when it came from upstream. */
  provider?: string;
  /** The upstream HTTP status, when the error came from upstream. */
  upstreamStatus?: number;
  cause?: unknown;
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The one error class every package throws; `kind` says what went wrong, independent of the provider. */
export class SwitchyardError extends Error {
  readonly [marker] = true;
  readonly kind: ErrorKind;
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly provider: string | undefined;
  readonly upstreamStatus: number | undefined;

  constructor(kind: ErrorKind, message: string, options: SwitchyardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const info = errorKinds[kind];
    this.name = 'SwitchyardError';
    this.kind = kind;
    this.status = options.status ?? info.status;
    this.type = info.type;
    this.code = options.code === undefined ? info.code : options.code;
    this.param = options.param ?? null;
    this.retryable = info.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.provider = options.provider;
    this.upstreamStatus = options.upstreamStatus;
  }

  static isInstance(value: unknown): value is SwitchyardError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** The body OpenAI's clients parse into typed errors. */
  toOpenAIError(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** Wraps anything thrown into a SwitchyardError without leaking its message when it is not one of ours. */
export function toSwitchyardError(value: unknown): SwitchyardError {
  if (SwitchyardError.isInstance(value)) return value;
  if (value instanceof Error && value.name === 'AbortError') {
    return new SwitchyardError('timeout', 'The request was aborted before it completed.', { cause: value });
  }
  return new SwitchyardError('internal', 'An internal error occurred.', { cause: value });
}
