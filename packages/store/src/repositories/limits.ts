import { nextBudgetResetAt, parseBudgetDuration } from '../budget/budget-reset.js';
import type { Metadata } from '../schema/index.js';

/** How the store reads the time for budget resets; tests inject `now`. */
export interface BudgetClock {
  now(): Date;
  /** IANA time zone the budget periods align to (midnight, Monday, the 1st); default UTC. */
  timeZone: string;
}

/** Budget and limit fields every governed entity accepts; `null` clears a limit. */
export interface LimitsInput {
  /** Spend of the current budget period (normally written by the spend log, settable for imports and fixes). */
  spend?: number;
  maxBudget?: number | null;
  softBudget?: number | null;
  /** `30s`, `15m`, `6h`, `1d`, `7d`, `30d`, `2w`, `1mo`; sets `budgetResetAt` to the next calendar boundary. */
  budgetDuration?: string | null;
  /** Overrides the derived reset time. */
  budgetResetAt?: Date | null;
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  maxParallelRequests?: number | null;
  blocked?: boolean;
  /** Allowed model groups; the empty list allows every model. */
  models?: string[];
  metadata?: Metadata;
}

interface LimitsRow {
  budgetDuration: string | null;
}

/** On create: a budget duration without an explicit reset time gets the next calendar-aligned reset. */
export function budgetResetOnCreate(input: LimitsInput, clock: BudgetClock): { budgetResetAt?: Date | null } {
  if (input.budgetDuration === undefined || input.budgetDuration === null) return {};
  parseBudgetDuration(input.budgetDuration);
  if (input.budgetResetAt !== undefined) return {};
  return { budgetResetAt: nextBudgetResetAt(input.budgetDuration, clock.now(), clock.timeZone) };
}

/** On update: a changed budget duration moves the reset to its next boundary (or clears it with the duration). */
export function budgetResetOnUpdate(
  patch: LimitsInput,
  before: LimitsRow,
  clock: BudgetClock,
): { budgetResetAt?: Date | null } {
  if (patch.budgetDuration === undefined || patch.budgetResetAt !== undefined) return {};
  if (patch.budgetDuration === null) return { budgetResetAt: null };
  parseBudgetDuration(patch.budgetDuration);
  if (patch.budgetDuration === before.budgetDuration) return {};
  return { budgetResetAt: nextBudgetResetAt(patch.budgetDuration, clock.now(), clock.timeZone) };
}
