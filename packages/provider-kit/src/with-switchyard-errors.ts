import { toSwitchyardError } from '@switchyard/core';

/**
 * Runs a provider call so that it fails only with a SwitchyardError, as the provider contract requires: an
 * AbortError becomes `timeout`, anything else that is not a SwitchyardError (a programming error) `internal`.
 */
export async function withSwitchyardErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toSwitchyardError(error);
  }
}
