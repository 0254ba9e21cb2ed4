import { SwitchyardError } from '@switchyard/core';
import type { z } from 'zod';

/** Validates a request body as the gateway would, answering a bad one with a 400 SwitchyardError naming the field. */
export function validateRequest<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.length ? issue.path.join('.') : null;
  const message = issue === undefined ? 'Invalid request body.' : `${param ? `${param}: ` : ''}${issue.message}`;
  throw new SwitchyardError('bad_request', message, { param });
}
