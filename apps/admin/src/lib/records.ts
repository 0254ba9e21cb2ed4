// The management API answers in LiteLLM's shapes, which name the same thing differently from route to route
// (`spend` / `total_spend`, a bare list / `{keys: [...]}`). These helpers read such loosely typed JSON safely.

export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The list in `value`: the value itself when it is an array, else the first array among `fields`. */
export function listOf(value: unknown, ...fields: string[]): Row[] {
  if (Array.isArray(value)) return value.filter(isRow);
  if (!isRow(value)) return [];
  for (const field of fields) {
    const inner = value[field];
    if (Array.isArray(inner)) return inner.filter(isRow);
  }
  return [];
}

/** The first of `fields` holding a non-empty string (numbers are turned into text). */
export function text(row: Row | undefined, ...fields: string[]): string | undefined {
  if (row === undefined) return undefined;
  for (const field of fields) {
    const value = row[field];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The first of `fields` holding a finite number (numeric strings count: money may arrive as text). */
export function number(row: Row | undefined, ...fields: string[]): number | undefined {
  if (row === undefined) return undefined;
  for (const field of fields) {
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
}

export function bool(row: Row | undefined, ...fields: string[]): boolean {
  if (row === undefined) return false;
  return fields.some((field) => row[field] === true);
}

export function strings(row: Row | undefined, field: string): string[] {
  const value = row?.[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function child(row: Row | undefined, field: string): Row | undefined {
  const value = row?.[field];
  return isRow(value) ? value : undefined;
}
