import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { formatRetryAfter, toSwitchyardError } from '@switchyard/core';
import { LimitRefusedError } from '@switchyard/governance/policy';
import { limitRefusalHeaders } from '../governance/rate-limit-headers.js';
import { sendJson } from './send-json.js';

export interface SendErrorOptions {
  /** The gateway already retried upstream: tell OpenAI's clients not to multiply the attempts. */
  retried?: boolean;
  headers?: OutgoingHttpHeaders;
}

/** The headers an error answer carries besides its body: retry-after for 429/503 and x-should-retry. */
export function errorHeaders(error: { status: number; retryAfterMs: number | undefined }, retried: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  if (error.retryAfterMs !== undefined && (error.status === 429 || error.status === 503)) {
    headers['retry-after'] = formatRetryAfter(error.retryAfterMs);
    headers['retry-after-ms'] = String(Math.max(0, Math.round(error.retryAfterMs)));
  }
  if (retried) headers['x-should-retry'] = 'false';
  return headers;
}

/** Answers with an OpenAI-shaped error body; anything that is not a SwitchyardError becomes a 500 without its message. */
export function sendError(outgoing: ServerResponse, thrown: unknown, options: SendErrorOptions = {}): number {
  const error = toSwitchyardError(thrown);
  const headers = { ...options.headers, ...errorHeaders(error, options.retried === true) };
  if (error instanceof LimitRefusedError) Object.assign(headers, limitRefusalHeaders(error.refused));
  sendJson(outgoing, error.status, JSON.stringify(error.toOpenAIError()), headers);
  return error.status;
}
