// Reading form fields into API values: empty fields are "not set" (left out on create, cleared on update).

/** The trimmed text of a field, undefined when empty. */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export class FormValueError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'FormValueError';
    this.field = field;
  }
}

/** A non-negative number field, undefined when empty; throws FormValueError (naming the field) when not a number. */
export function optionalNumber(form: FormData, name: string, label: string, options: { integer?: boolean } = {}): number | undefined {
  const text = optionalText(form, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new FormValueError(name, `${label} must be a number of 0 or more.`);
  if (options.integer === true && !Number.isInteger(value)) throw new FormValueError(name, `${label} must be a whole number.`);
  return value;
}

/** Comma- or newline-separated names, trimmed, without empties or repeats. */
export function nameList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...new Set(text.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== ''))];
}

/** Every checked value of a checkbox group plus the names typed in its companion text field. */
export function checkedWithExtra(form: FormData, name: string, extraName: string): string[] {
  const checked = form.getAll(name).filter((value): value is string => typeof value === 'string');
  return [...new Set([...checked, ...nameList(optionalText(form, extraName))])];
}

/** For updates: a cleared field is sent as null so the gateway removes the limit. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** Drops undefined entries (creates send only what was filled in). */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
