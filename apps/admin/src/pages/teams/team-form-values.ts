import type { TeamLimits, UserInput } from '../../api/teams-api';
import { checkedWithExtra, defined, optionalNumber, optionalText, orNull } from '../../lib/form-values';
import { durationPattern } from '../keys/key-form-values';

/** The team form as LiteLLM's fields: empty fields left out on create, sent as null (cleared) on update. */
export function teamLimitsFrom(form: FormData, mode: 'create' | 'update'): TeamLimits {
  const blank = <T>(value: T | undefined): T | null | undefined => (mode === 'create' ? value : orNull(value));
  const period = optionalText(form, 'budget_duration');
  if (period !== undefined && !new RegExp(durationPattern).test(period)) throw new Error('Budget period must look like 30d, 24h, 10m or 1mo.');
  const alias = optionalText(form, 'team_alias');
  if (alias === undefined) throw new Error('Give the team a name.');
  const limits: { [Field in keyof TeamLimits]: TeamLimits[Field] | undefined } = {
    team_alias: alias,
    max_budget: blank(optionalNumber(form, 'max_budget', 'Max budget')),
    budget_duration: blank(period),
    rpm_limit: blank(optionalNumber(form, 'rpm_limit', 'Requests per minute', { integer: true })),
    tpm_limit: blank(optionalNumber(form, 'tpm_limit', 'Tokens per minute', { integer: true })),
    models: checkedWithExtra(form, 'models', 'models_extra'),
  };
  return defined(limits) as TeamLimits;
}

export function userInputFrom(form: FormData, mode: 'create' | 'update'): UserInput {
  const email = optionalText(form, 'user_email');
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error('That email address does not look right.');
  const budget = optionalNumber(form, 'max_budget', 'Max budget');
  const input: { [Field in keyof UserInput]: UserInput[Field] | undefined } = {
    user_id: mode === 'create' ? optionalText(form, 'user_id') : undefined,
    user_email: email,
    user_role: optionalText(form, 'user_role'),
    max_budget: mode === 'create' ? budget : orNull(budget),
  };
  return defined(input) as UserInput;
}
