import { SwitchyardError } from '@switchyard/core';
import type { HttpResponse } from './http-client.js';
import { readSuccessText } from './read-success-body.js';

/** Builds the error for an upstream body that is not JSON; `cause` is the parser's error. */
export type NotJsonError = (cause: unknown) => SwitchyardError;

function defaultNotJson(provider: string): NotJsonError {
  return () => new SwitchyardError('upstream_unavailable', `${provider} answered with a body that is not JSON`, { status: 502, provider });
}

/**
 * Parses an upstream body that should be JSON. Text that is not JSON throws `notJson(cause)`, by default an
 * `upstream_unavailable` (502) naming the provider: never a bare `SyntaxError`.
 */
export function parseJsonBody(text: string, provider: string, notJson: NotJsonError = defaultNotJson(provider)): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw notJson(error);
  }
}

/** Reads a whole success body and parses it once (`readSuccessText`, then `parseJsonBody`). */
export async function readJsonBody(response: HttpResponse, provider: string, notJson?: NotJsonError): Promise<unknown> {
  return parseJsonBody(await readSuccessText(response, provider), provider, notJson);
}
