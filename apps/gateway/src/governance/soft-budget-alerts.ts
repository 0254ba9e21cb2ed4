import { postJsonSafely, type UrlAccessPolicy } from '@switchyard/provider-kit';
import type { KeyAuthContext } from '@switchyard/store';
import type { Logger } from '../observability/logger.js';

/** Where soft-budget events are posted: `general_settings.alerting: ["webhook"]` and a URL. */
export interface AlertWebhook {
  url: string;
  /** The address policy of the post; private and loopback addresses are refused unless allowed here. */
  policy: UrlAccessPolicy;
  timeoutMs?: number;
}

export type SoftBudgetScope = 'key' | 'team' | 'user' | 'organization';

/** The JSON posted to the webhook, in the shape of LiteLLM's webhook alerts (`WebhookEvent`). */
export interface SoftBudgetEvent {
  event: 'soft_budget_crossed';
  event_group: SoftBudgetScope;
  event_message: string;
  spend: number;
  soft_budget: number;
  max_budget: number | null;
  budget_reset_at: string | null;
  key_id: string;
  key_alias: string | null;
  /** The key's hint (`sk-…AbCd`), never the key or its hash. */
  key_name: string;
  team_id: string | null;
  team_alias: string | null;
  user_id: string | null;
  organization_id: string | null;
  /** The id of the scope that crossed (the key id, team id, user id or organisation id). */
  scope_id: string;
  timestamp: string;
}

interface Budgeted {
  id: string;
  spend: number;
  softBudget: number | null;
  maxBudget: number | null;
  budgetResetAt: Date | null;
}

export interface SoftBudgetAlertsOptions {
  logger: Logger;
  webhook?: AlertWebhook | undefined;
  /** Scopes remembered as alerted in this process (default 10,000; the oldest are forgotten first). */
  maxRemembered?: number;
  now?: () => number;
}

function scopesOf(context: KeyAuthContext): Array<[SoftBudgetScope, Budgeted]> {
  const scopes: Array<[SoftBudgetScope, Budgeted]> = [['key', context.key]];
  if (context.team) scopes.push(['team', context.team]);
  if (context.user) scopes.push(['user', context.user]);
  if (context.organisation) scopes.push(['organization', context.organisation]);
  return scopes;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Soft budgets: a scope (key, team, user, organisation) whose spend reaches its `soft_budget` is reported once per
 * budget period and process: a warning log line (ids, alias and key hint only), a count for /metrics and, when
 * configured, a JSON post to the alerting webhook, sent off the request path. The spend compared is the stored one
 * (as the key cache read it) plus the request's own cost.
 */
export class SoftBudgetAlerts {
  readonly stats: Record<SoftBudgetScope, number> = { key: 0, team: 0, user: 0, organization: 0 };
  readonly #alerted = new Set<string>();
  readonly #options: SoftBudgetAlertsOptions;
  readonly #sending = new Set<Promise<void>>();

  constructor(options: SoftBudgetAlertsOptions) {
    this.#options = options;
  }

  /** Whether any of the key's scopes has already reached its soft budget (for the response header). */
  exceeded(context: KeyAuthContext): boolean {
    return scopesOf(context).some(([, scope]) => scope.softBudget !== null && scope.spend >= scope.softBudget);
  }

  /** After a request that cost `cost`: alerts for each scope it took to (or past) its soft budget, once a period. */
  check(context: KeyAuthContext, cost: number): void {
    for (const [kind, scope] of scopesOf(context)) {
      if (scope.softBudget === null || scope.spend + cost < scope.softBudget) continue;
      const period = scope.budgetResetAt === null ? 'lifetime' : String(scope.budgetResetAt.getTime());
      const id = `${kind}:${scope.id}:${period}`;
      if (this.#alerted.has(id)) continue;
      if (this.#alerted.size >= (this.#options.maxRemembered ?? 10_000)) this.#alerted.delete(this.#alerted.values().next().value as string);
      this.#alerted.add(id);
      this.#alert(this.#eventOf(kind, scope, context, scope.spend + cost));
    }
  }

  /** Resolves once the webhook posts started so far have finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#sending.size > 0) await Promise.allSettled([...this.#sending]);
  }

  #eventOf(kind: SoftBudgetScope, scope: Budgeted, context: KeyAuthContext, spend: number): SoftBudgetEvent {
    const { key, team } = context;
    return {
      event: 'soft_budget_crossed',
      event_group: kind,
      event_message: `The ${kind} ${scope.id} reached its soft budget: spend ${spend.toFixed(6)} of soft_budget ${scope.softBudget}.`,
      spend,
      soft_budget: scope.softBudget ?? 0,
      max_budget: scope.maxBudget,
      budget_reset_at: scope.budgetResetAt?.toISOString() ?? null,
      key_id: key.id,
      key_alias: key.keyAlias ?? null,
      key_name: key.keyHint,
      team_id: team?.id ?? key.teamId ?? null,
      team_alias: team?.alias ?? null,
      user_id: context.user?.id ?? key.userId ?? null,
      organization_id: context.organisation?.id ?? null,
      scope_id: scope.id,
      timestamp: new Date((this.#options.now ?? Date.now)()).toISOString(),
    };
  }

  #alert(event: SoftBudgetEvent): void {
    this.stats[event.event_group] += 1;
    const { event_message: message, ...fields } = event;
    this.#options.logger.warn({ softBudget: { ...fields } }, message);
    const webhook = this.#options.webhook;
    if (webhook === undefined) return;
    const sending = postJsonSafely(webhook.url, event, { ...webhook.policy, timeoutMs: webhook.timeoutMs ?? 5000 }).then(
      (status) => {
        if (status >= 300) this.#options.logger.warn({ status }, 'soft budget alert: the webhook answered an error status');
      },
      (error: unknown) => this.#options.logger.warn({ err: { message: errorText(error) } }, 'soft budget alert: posting to the webhook failed'),
    );
    this.#sending.add(sending);
    void sending.finally(() => this.#sending.delete(sending));
  }
}
