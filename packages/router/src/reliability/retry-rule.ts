import type { SwitchyardError } from '@switchyard/core';
import type { RouterOptions } from '../config/router-options.js';
import { policyErrorName } from './error-policy-key.js';

export interface RetryQuestion {
  error: SwitchyardError;
  modelGroup: string;
  /** Retries already made in this group for this request. */
  retriesDone: number;
  /** Whether the group still has a deployment this request has not tried. */
  untriedLeft: boolean;
  /** Whether a content-policy fallback is configured for the group. */
  contentPolicyFallback: boolean;
  /** The request's own num_retries, which overrides the configured one. */
  requestRetries: number | undefined;
}

function configuredRetries(question: RetryQuestion, options: RouterOptions): number | undefined {
  const name = policyErrorName(question.error.kind);
  if (name === undefined) return undefined;
  const policy = (options.groupRetryPolicy.get(question.modelGroup) ?? options.retryPolicy) as
    | Record<string, number | undefined>
    | undefined;
  return policy?.[`${name}Retries`];
}

/**
 * Whether to try the group again after a failed call. Never where it cannot help: a context-window error (its
 * fallbacks are the remedy), a bad request unless a retry policy asks for it, a content-policy error when a
 * content-policy fallback exists, and an authentication, permission or not-found error when no other deployment is
 * left to try.
 */
export function shouldRetry(question: RetryQuestion, options: RouterOptions): boolean {
  const { error } = question;
  const fromPolicy = configuredRetries(question, options);
  switch (error.kind) {
    case 'context_window_exceeded':
      return false;
    case 'bad_request':
    case 'payload_too_large':
      return fromPolicy !== undefined && question.retriesDone < fromPolicy;
    case 'content_policy':
      if (question.contentPolicyFallback) return false;
      break;
    case 'authentication':
    case 'permission':
    case 'not_found':
      if (!question.untriedLeft) return false;
      break;
    default:
      break;
  }
  const budget = fromPolicy ?? question.requestRetries ?? options.numRetries;
  return question.retriesDone < budget;
}
