import type { z } from 'zod';
import { managementErrors } from './management-errors.js';

function describe(issue: z.core.$ZodIssue): { param: string | null; message: string } {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const param = [...path, issue.keys[0] ?? ''].join('.');
    return { param, message: `Unknown field "${param}".` };
  }
  const param = path.length === 0 ? null : path.join('.');
  return { param, message: param === null ? `Invalid request: ${issue.message}.` : `Invalid "${param}": ${issue.message}.` };
}

/** Validates a body or query with its schema; the first problem becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first === undefined) throw managementErrors.invalid(null, 'Invalid request.');
  const { param, message } = describe(first);
  throw managementErrors.invalid(param, message);
}
