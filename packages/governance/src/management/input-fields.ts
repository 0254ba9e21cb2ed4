import { z } from 'zod';

const DURATION = /^[1-9][0-9]{0,5}(s|m|h|d|w|mo)$/;

export const money = z.number().finite().nonnegative();
export const count = z.number().int().nonnegative();
/** LiteLLM's durations: `30s`, `15m`, `6h`, `1d`, `7d`, `30d`, `2w`, `1mo`. */
export const durationText = z.string().regex(DURATION, 'expected <number><s|m|h|d|w|mo>, for example "30d"');
export const metadata = z.record(z.string(), z.unknown());
export const modelNames = z.array(z.string().min(1));
export const id = z.string().min(1).max(256);

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * A LiteLLM field whose effect Switchyard does not implement (per-model budgets, route allow-lists, ...): accepted only
 * empty, so no script believes a limit holds that does not.
 */
export const unsupported = z
  .unknown()
  .optional()
  .refine(isEmpty, { message: 'is not supported by Switchyard; leave it out or send it empty' });

/** A LiteLLM field with no effect on what a key may do (UI hints, invitations): accepted and ignored. */
export const ignored = z.unknown().optional();

/** The budget and limit fields every governed entity takes; `null` clears a limit. */
export const limitFields = {
  spend: money.optional(),
  max_budget: money.nullable().optional(),
  soft_budget: money.nullable().optional(),
  budget_duration: durationText.nullable().optional(),
  rpm_limit: count.nullable().optional(),
  tpm_limit: count.nullable().optional(),
  max_parallel_requests: count.nullable().optional(),
  blocked: z.boolean().optional(),
  models: modelNames.optional(),
  metadata: metadata.optional(),
};

export interface LimitFieldsInput {
  spend?: number | undefined;
  max_budget?: number | null | undefined;
  soft_budget?: number | null | undefined;
  budget_duration?: string | null | undefined;
  rpm_limit?: number | null | undefined;
  tpm_limit?: number | null | undefined;
  max_parallel_requests?: number | null | undefined;
  blocked?: boolean | undefined;
  models?: string[] | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** Drops undefined values, so a patch changes only what was sent. */
export function compact<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** LiteLLM's snake_case limit fields as the store's LimitsInput. */
export function limitsFrom(input: LimitFieldsInput) {
  return compact({
    spend: input.spend,
    maxBudget: input.max_budget,
    softBudget: input.soft_budget,
    budgetDuration: input.budget_duration,
    rpmLimit: input.rpm_limit,
    tpmLimit: input.tpm_limit,
    maxParallelRequests: input.max_parallel_requests,
    blocked: input.blocked,
    models: input.models,
    metadata: input.metadata,
  });
}

/** Query strings arrive as text: page numbers and sizes are coerced, bounded integers. */
export const pageNumber = z.coerce.number().int().min(1).optional();
export const pageSizeOf = (max: number) => z.coerce.number().int().min(1).max(max).optional();
export const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true').optional();
