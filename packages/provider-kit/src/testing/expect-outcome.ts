import { SwitchyardError, type ChatResult, type ErrorKind } from '@switchyard/core';
import { expect } from 'vitest';
import type { ChatOutcome } from './aggregate-stream.js';
import type { ChatExpectation } from './conformance-types.js';

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Asserts a chat outcome (streamed or not) against a case's expectation. */
export function expectOutcome(outcome: ChatOutcome, expectation: ChatExpectation): void {
  if (expectation.text !== undefined) {
    expect(outcome.text, 'assistant text').toBe(expectation.text === '' ? null : expectation.text);
  }
  if (expectation.toolCalls !== undefined) {
    const calls = outcome.toolCalls.map((call) => ({ name: call.name, arguments: parseArguments(call.arguments) }));
    expect(calls, 'tool calls').toEqual(expectation.toolCalls);
    for (const call of outcome.toolCalls) expect(call.id, `id of tool call ${call.name}`).not.toBe('');
  }
  if (expectation.reasoningIncludes === null) expect(outcome.reasoning, 'reasoning').toBeNull();
  else if (expectation.reasoningIncludes !== undefined) {
    expect(outcome.reasoning ?? '', 'reasoning').toContain(expectation.reasoningIncludes);
  }
  if (expectation.finishReason !== undefined) expect(outcome.finishReason, 'finish_reason').toBe(expectation.finishReason);
  if (expectation.usage !== undefined) expect(outcome.usage, 'usage').toMatchObject(expectation.usage);
}

/** Asserts that a non-streamed result's body is JSON that says what its completion says. */
export function expectConsistentResult(result: ChatResult): void {
  const text = typeof result.body === 'string' ? result.body : Buffer.from(result.body).toString('utf8');
  const parsed: unknown = JSON.parse(text);
  expect(parsed, 'body matches completion').toEqual(JSON.parse(JSON.stringify(result.completion)));
  expect(Array.isArray(result.completion.choices), 'completion.choices is an array').toBe(true);
  if (result.completion.usage) expect(result.usage, 'result.usage').toEqual(result.completion.usage);
}

export interface ErrorExpectation {
  kind: ErrorKind;
  retryAfterMs?: number | undefined;
  param?: string | null | undefined;
  code?: string | null | undefined;
  secrets?: readonly string[] | undefined;
}

/** Asserts a thrown value is a SwitchyardError of the expected kind that leaks no secret. */
export function expectSwitchyardError(error: unknown, expectation: ErrorExpectation): asserts error is SwitchyardError {
  expect(SwitchyardError.isInstance(error), `expected a SwitchyardError, got ${describeThrown(error)}`).toBe(true);
  const switchyardError = error as SwitchyardError;
  expect(switchyardError.kind, `error kind (message: ${switchyardError.message})`).toBe(expectation.kind);
  if (expectation.retryAfterMs !== undefined) expect(switchyardError.retryAfterMs, 'retryAfterMs').toBe(expectation.retryAfterMs);
  if (expectation.param !== undefined) expect(switchyardError.param, 'error param').toBe(expectation.param);
  if (expectation.code !== undefined) expect(switchyardError.code, 'error code').toBe(expectation.code);
  expectNoSecrets(switchyardError, expectation.secrets ?? []);
}

/** Asserts no secret appears in an error's message or its OpenAI body. */
export function expectNoSecrets(error: SwitchyardError, secrets: readonly string[]): void {
  const exposed = `${error.message}\n${JSON.stringify(error.toOpenAIError())}`;
  for (const secret of secrets) {
    if (secret !== '') expect(exposed.includes(secret), 'a secret appears in the error').toBe(false);
  }
}

/** Settles a promise into its rejection reason, failing when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error(`${what}: expected a rejection, but the call succeeded`);
  return outcome.error;
}

function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return String(value);
}
