import { expect } from 'vitest';

/** Asserts an OpenAI-style error body: `{"error": {"message", "type", "param", "code"}}` with the right types. */
export function expectOpenAIError(body: unknown, expected: { type?: string; code?: string | null; param?: string | null } = {}): void {
  expect(body).toEqual({
    error: {
      message: expect.any(String),
      type: expected.type ?? expect.any(String),
      param: expected.param === undefined ? expect.toSatisfy((value: unknown) => value === null || typeof value === 'string') : expected.param,
      code: expected.code === undefined ? expect.toSatisfy((value: unknown) => value === null || typeof value === 'string') : expected.code,
    },
  });
  expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
}
