/** A refusal or failure from the gateway, read from OpenAI's error format `{"error":{message,type,param,code}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly code: string | undefined;

  constructor(status: number, message: string, type?: string, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.code = code;
  }

  /** The key is missing, unknown, expired or blocked: the console signs out. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Builds an ApiError from a response body (JSON or not); LiteLLM's `{"detail": ...}` bodies are understood too. */
export function apiErrorFrom(status: number, bodyText: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return new ApiError(status, bodyText.trim().slice(0, 300) || `The gateway answered ${status}.`);
  }
  const record = (body ?? {}) as Record<string, unknown>;
  const error = record['error'];
  if (error !== null && typeof error === 'object') {
    const fields = error as Record<string, unknown>;
    return new ApiError(status, textOf(fields['message']) ?? `The gateway answered ${status}.`, textOf(fields['type']), textOf(fields['code']));
  }
  const detail = record['detail'];
  if (typeof detail === 'string') return new ApiError(status, detail);
  return new ApiError(status, textOf(error) ?? `The gateway answered ${status}.`);
}

/** A message fit for a person, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach the gateway. Is it running?';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
