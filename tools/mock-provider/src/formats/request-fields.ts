import { badRequest } from '../reply/mock-request-error.js';

/** A JSON object body, or a precise 400. */
export function requireObject(json: unknown, what = 'The request body'): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw badRequest(`${what} must be a JSON object.`);
  }
  return json as Record<string, unknown>;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw badRequest(`'${field}' is required and must be a non-empty string.`, field);
  return value;
}

export function requireNonEmptyArray(body: Record<string, unknown>, field: string, label = field): unknown[] {
  const value = body[field];
  if (!Array.isArray(value)) throw badRequest(`'${label}' is required and must be an array.`, label);
  if (value.length === 0) throw badRequest(`'${label}' must contain at least one item.`, label);
  return value;
}

/** An optional positive integer field (undefined when absent or null). */
export function optionalPositiveInteger(body: Record<string, unknown>, field: string, label = field): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw badRequest(`'${label}' must be a positive integer.`, label);
  }
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`'${field}' must be a boolean.`, field);
  return value;
}

/** Checks that every item of an array is an object whose `role` is one of `roles`. */
export function requireRoles(items: readonly unknown[], field: string, roles: readonly string[]): void {
  items.forEach((item, index) => {
    const role = item !== null && typeof item === 'object' ? (item as { role?: unknown }).role : undefined;
    if (typeof role !== 'string' || !roles.includes(role)) {
      throw badRequest(
        `'${field}[${index}].role' must be one of ${roles.map((r) => `'${r}'`).join(', ')}.`,
        `${field}[${index}].role`,
      );
    }
  });
}
