import { SwitchyardError } from '@switchyard/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** For a union that failed, the branch that got furthest says most about what is wrong. */
function deepestIssue(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path: issue.path, message: issue.message };
  let best: { path: PropertyKey[]; message: string } | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const candidate = deepestIssue(first);
    if (!best || candidate.path.length > best.path.length) best = candidate;
  }
  if (!best || best.path.length === 0) return { path: issue.path, message: `${issue.message}: no allowed shape matches` };
  return { path: [...issue.path, ...best.path], message: best.message };
}

/** `messages[0].content`, the way OpenAI names a parameter in `error.param`. */
export function formatParam(path: readonly PropertyKey[]): string | null {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? null : text;
}

/** Validates a parsed body; a failure is a 400 naming the first offending field in `message` and `param`. */
export function validateRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const { path, message } = deepestIssue(issues[0]!);
  const param = formatParam(path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return throwBadRequest(`Invalid request: ${param ?? 'body'}: ${message}${more}.`, param);
}

function throwBadRequest(message: string, param: string | null): never {
  throw new SwitchyardError('bad_request', message, { param });
}
