import { SwitchyardError } from '@switchyard/core';
import { StoreError } from '@switchyard/store';

/** Refusals of the management API, each a SwitchyardError with a stable code and, where one field is at fault, its name. */
export const managementErrors = {
  invalid: (param: string | null, message: string) =>
    new SwitchyardError('bad_request', message, { param, code: 'invalid_request' }),
  notFound: (what: string, id: string, param: string | null = null) =>
    new SwitchyardError('not_found', `No ${what} "${id}".`, { param, code: `${what.replace(/ /g, '_')}_not_found` }),
  conflict: (message: string, param: string | null = null) =>
    new SwitchyardError('bad_request', message, { param, code: 'conflict', status: 409 }),
  forbidden: (message: string) => new SwitchyardError('permission', message, { code: 'forbidden' }),
};

/** A StoreError as the API reports it; anything else is rethrown unchanged (and answered as a 500 without detail). */
export function fromStoreError(error: unknown): never {
  if (!StoreError.isInstance(error)) throw error;
  if (error.kind === 'not_found') throw new SwitchyardError('not_found', `${error.message}.`, { code: 'not_found' });
  if (error.kind === 'conflict') throw managementErrors.conflict(`${error.message}.`);
  if (error.kind === 'invalid') throw managementErrors.invalid(null, `${error.message}.`);
  if (error.kind === 'secret') {
    throw new SwitchyardError('internal', 'Stored secrets are unavailable: the gateway needs its master secret to store or read them.', {
      code: 'secret_unavailable',
    });
  }
  throw new SwitchyardError('upstream_unavailable', 'The database is unavailable.', { code: 'database_unavailable' });
}

/** Runs a store call and reports its StoreErrors as API errors. */
export async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return fromStoreError(error);
  }
}
