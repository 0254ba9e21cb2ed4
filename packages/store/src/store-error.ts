export type StoreErrorKind = 'not_found' | 'conflict' | 'invalid' | 'secret' | 'unavailable';

const marker = Symbol.for('switchyard.store.error');

/** Every error the store throws on purpose. `conflict` covers unique and foreign-key violations. */
export class StoreError extends Error {
  readonly [marker] = true;
  override readonly name = 'StoreError';

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static isInstance(value: unknown): value is StoreError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

function postgresCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps Postgres unique (23505), foreign-key (23503) and restrict (23001) violations to `conflict`; anything else,
 * a StoreError included, is rethrown as it is.
 */
export function toStoreError(error: unknown, what: string): never {
  const code = postgresCode(error);
  if (code === '23505') throw new StoreError('conflict', `${what} already exists`, { cause: error });
  if (code === '23503' || code === '23001') {
    throw new StoreError('conflict', `${what} refers to, or is still referred to by, another record`, { cause: error });
  }
  throw error;
}
