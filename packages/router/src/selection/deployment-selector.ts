import type { Deployment } from '../deployments/deployment.js';
import type { ModelGroup } from '../deployments/model-group.js';
import { minuteMs, minuteOf } from '../state/router-state.js';
import type { UsageTable } from '../state/usage-table.js';
import type { RoutingStrategy } from '../strategies/routing-strategy.js';
import { DeploymentLimits } from './deployment-limits.js';
import { regionAllowed } from './region.js';
import type { RoutingContext, SelectionFailure } from './routing-context.js';
import { tagsMatch, type TagMode } from './tags.js';

export interface SelectorOptions {
  preCallChecks: boolean;
  tagFiltering: boolean;
  tagMatchAny: boolean;
}

/** The hint sent with a 429 when every deployment is busy at its max_parallel_requests. */
const parallelLimitWaitMs = 1000;

const eligible = 0;
const excludedByTags = 1;
const excludedByRegion = 2;
const excludedByContext = 3;

/**
 * Filters a group's deployments (tags, region, context window, cooldown, rpm, tpm, parallelism), walks the order
 * tiers lowest first, and lets the strategy choose within the first tier that has an eligible deployment.
 * Deployments this request already tried are only reconsidered when nothing else is left. Synchronous and
 * allocation-free on success: candidates go into one scratch array, which is safe because a decision never awaits.
 * Why nothing was eligible is worked out only when that happens, so the common path counts nothing.
 */
export class DeploymentSelector {
  readonly #scratch: Int32Array;
  readonly #limits: DeploymentLimits;

  constructor(
    private readonly deployments: readonly Deployment[],
    private readonly view: UsageTable,
    private readonly strategy: RoutingStrategy,
    private readonly options: SelectorOptions,
  ) {
    this.#scratch = new Int32Array(Math.max(1, deployments.length));
    this.#limits = new DeploymentLimits(deployments);
  }

  /** The chosen slot, or -1 with `context.failure` saying why nothing could be chosen. */
  select(group: ModelGroup, context: RoutingContext, now: number): number {
    context.failure = undefined;
    const mode = this.#tagMode(group, context);
    let slot = this.#pass(group, context, now, mode, context.tried.length > 0);
    if (slot < 0 && context.tried.length > 0) slot = this.#pass(group, context, now, mode, false);
    if (slot < 0) context.failure = this.#diagnose(group, context, now, mode);
    return slot;
  }

  #pass(group: ModelGroup, context: RoutingContext, now: number, mode: TagMode, skipTried: boolean): number {
    const tiers = group.tierStarts;
    const scratch = this.#scratch;
    const tried = context.tried;
    const blocked = context.blocked.length > 0 ? context.blocked : undefined;
    const checksContext = this.options.preCallChecks && group.hasContextLimits;
    // Counting tokens costs tens of µs: only when a tpm limit or an enabled context-window check needs the estimate.
    const tokens = group.hasTpmLimits || checksContext ? context.promptTokens() : 0;
    const minute = minuteOf(now);
    const filtered = mode !== 'any' || context.allowedRegion !== undefined || checksContext;
    for (let tier = 0; tier < tiers.length - 1; tier++) {
      let count = 0;
      const end = tiers[tier + 1] ?? 0;
      for (let slot = tiers[tier] ?? 0; slot < end; slot++) {
        if (skipTried && tried.includes(slot)) continue;
        if (filtered && this.#staticReason(this.deployments[slot] as Deployment, context, mode, tokens) !== eligible) continue;
        if (this.#waitMs(slot, tokens, now, minute) > 0) continue;
        if (blocked !== undefined && blocked.includes(slot)) continue;
        scratch[count++] = slot;
      }
      if (count > 0) return this.strategy.pick(group, scratch, count, context, now);
    }
    return -1;
  }

  /** Whether the request may go to the deployment at all: tags, region, context window. */
  #staticReason(deployment: Deployment, context: RoutingContext, mode: TagMode, tokens: number): number {
    if (mode !== 'any' && !this.#tagged(deployment, context, mode)) return excludedByTags;
    if (context.allowedRegion !== undefined && !regionAllowed(context.allowedRegion, deployment.region)) return excludedByRegion;
    const limit = deployment.maxInputTokens;
    if (limit > 0 && this.options.preCallChecks && tokens > limit) return excludedByContext;
    return eligible;
  }

  /** 0 when the deployment can take the call now; else the ms until it may (cooldown, rpm, tpm, parallelism). */
  #waitMs(slot: number, tokens: number, now: number, minute: number): number {
    const table = this.view;
    const limits = this.#limits;
    const cooldown = table.cooldown[slot] ?? 0;
    if (cooldown > now) return cooldown - now;
    const current = table.minute[slot] === minute;
    const rpm = limits.rpm[slot] ?? 0;
    if (rpm > 0 && current && (table.requests[slot] ?? 0) >= rpm) return untilNextMinute(now);
    const tpm = limits.tpm[slot] ?? 0;
    if (tpm > 0 && (current ? (table.tokens[slot] ?? 0) : 0) + tokens > tpm) return untilNextMinute(now);
    const parallel = limits.maxParallel[slot] ?? 0;
    if (parallel > 0 && (table.running[slot] ?? 0) >= parallel) return parallelLimitWaitMs;
    return 0;
  }

  #tagged(deployment: Deployment, context: RoutingContext, mode: TagMode): boolean {
    if (mode === 'default') return deployment.tags.includes('default');
    return tagsMatch(deployment.tags, context.tags ?? [], this.options.tagMatchAny);
  }

  #tagMode(group: ModelGroup, context: RoutingContext): TagMode {
    if (!this.options.tagFiltering) return 'any';
    const tags = context.tags;
    if (tags === undefined) return group.hasDefaultTag ? 'default' : 'any';
    for (const deployment of group.deployments) {
      if (tagsMatch(deployment.tags, tags, this.options.tagMatchAny)) return 'request';
    }
    return group.hasDefaultTag ? 'default' : 'request';
  }

  /** Why no deployment of the group was eligible: the request fits none, or all are cooling down or full. */
  #diagnose(group: ModelGroup, context: RoutingContext, now: number, mode: TagMode): SelectionFailure {
    const excluded = [0, 0, 0, 0];
    const tokens = group.hasTpmLimits || (this.options.preCallChecks && group.hasContextLimits) ? context.promptTokens() : 0;
    let wait = Number.POSITIVE_INFINITY;
    for (const deployment of group.deployments) {
      const reason = this.#staticReason(deployment, context, mode, tokens);
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      // An eligible deployment with no wait was blocked (it lost a race for a limit): try again shortly.
      if (reason === eligible) wait = Math.min(wait, this.#waitMs(deployment.slot, tokens, now, minuteOf(now)) || parallelLimitWaitMs);
    }
    const name = group.name;
    if (excluded[eligible] === 0) return staticFailure(name, context, excluded);
    return {
      kind: 'rate_limit',
      message: `No deployment of model group "${name}" can take the request now: every one is cooling down or at its rpm, tpm or parallel-request limit.`,
      retryAfterMs: Number.isFinite(wait) ? Math.ceil(wait) : undefined,
    };
  }
}

function untilNextMinute(now: number): number {
  return (minuteOf(now) + 1) * minuteMs - now;
}

function staticFailure(name: string, context: RoutingContext, excluded: readonly number[]): SelectionFailure {
  if ((excluded[excludedByContext] ?? 0) > 0) {
    return {
      kind: 'context_window_exceeded',
      message: `The prompt (about ${context.promptTokens()} tokens) exceeds the context window of every deployment of model group "${name}".`,
      retryAfterMs: undefined,
    };
  }
  if ((excluded[excludedByTags] ?? 0) > 0) {
    const tags = (context.tags ?? ['default']).join(', ');
    return { kind: 'bad_request', message: `No deployment of model group "${name}" matches the request tags (${tags}).`, retryAfterMs: undefined };
  }
  return { kind: 'bad_request', message: `No deployment of model group "${name}" is in region "${context.allowedRegion ?? ''}".`, retryAfterMs: undefined };
}
