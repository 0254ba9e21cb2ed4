import { SwitchyardError } from '@switchyard/core';

/** Called for a request parameter Gemini cannot honour; it either drops the parameter or rejects the request. */
export type ReportUnsupported = (param: string, reason: string) => void;

/** With `dropParams` the parameter is ignored; otherwise the request fails with a bad_request naming it. */
export function unsupportedParamReporter(dropParams: boolean): ReportUnsupported {
  return (param, reason) => {
    if (dropParams) return;
    throw new SwitchyardError('bad_request', `${param} is not supported by Gemini: ${reason}. Set drop_params to ignore it.`, {
      param,
      code: 'unsupported_parameter',
    });
  };
}
