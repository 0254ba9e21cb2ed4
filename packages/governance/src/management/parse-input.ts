import type { z } from 'zod';
import { managementErrors } from './management-errors.js';

/**
 * For a union (a member object or a list of them), the branch that got furthest names the field: its first issue's
 * path, under the union's own.
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const firsts = issue.errors.map((branch) => branch[0]).filter((first) => first !== undefined);
  const deepest = firsts.reduce((best, first) => (first.path.length > best.path.length ? first : best), firsts[0]!);
  if (deepest === undefined) return issue;
  const inner = innermost(deepest);
  return { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
}

function describe(outer: z.core.$ZodIssue): { param: string | null; message: string } {
  const issue = innermost(outer);
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
