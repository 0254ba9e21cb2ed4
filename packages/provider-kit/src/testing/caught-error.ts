import { SwitchyardError } from '@switchyard/core';

/** Runs `run`, which must throw a SwitchyardError, and returns that error (anything else is rethrown). */
export function caughtError(run: () => unknown): SwitchyardError {
  try {
    run();
  } catch (error) {
    if (SwitchyardError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SwitchyardError to be thrown');
}

/** Awaits `run()`, which must reject with a SwitchyardError, and returns that error. */
export async function rejectedError(run: () => Promise<unknown>): Promise<SwitchyardError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!SwitchyardError.isInstance(error)) throw new Error(`expected a SwitchyardError, got ${String(error)}`);
  return error;
}
