import { SwitchyardError } from '@switchyard/core';

/**
 * Handles a parameter Bedrock cannot honour: with `dropParams` it is left out (returns false), otherwise the
 * request fails with a bad_request naming the parameter, as LiteLLM's `drop_params` does.
 */
export function rejectUnlessDropped(param: string, reason: string, dropParams: boolean): false {
  if (dropParams) return false;
  throw new SwitchyardError('bad_request', `${reason} Set drop_params to leave ${param} out instead.`, {
    param,
    code: 'unsupported_parameter',
  });
}
