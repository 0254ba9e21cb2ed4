import type { ChatCompletionRequest, ChatResult, EmbeddingRequest, EmbeddingResult } from '@switchyard/core';
import { systemClock } from './clock.js';
import type { RouterOptions } from './config/router-options.js';
import { resolveRouterOptions } from './config/resolve-router-options.js';
import { buildDeployments } from './deployments/build-deployments.js';
import type { Deployment } from './deployments/deployment.js';
import { ModelRegistry } from './deployments/model-registry.js';
import type { Operation } from './execution/operations.js';
import { chatOperation, embedOperation, streamOperation } from './execution/operations.js';
import { createRun, type RoutableRequest } from './execution/request-run.js';
import type { RouteOptions, RoutingOutcome } from './execution/route-options.js';
import { routeRequest } from './execution/route-request.js';
import type { RoutedChatStream } from './execution/routed-stream.js';
import type { RouterEngine } from './execution/router-engine.js';
import type { RouterInit } from './router-init.js';
import { DeploymentSelector } from './selection/deployment-selector.js';
import { charEstimateTokenCounter } from './selection/token-counter.js';
import { InMemoryRouterState } from './state/in-memory-state.js';
import type { RouterState } from './state/router-state.js';
import { createStrategy } from './strategies/create-strategy.js';
import { configurationWarnings, pricePerToken, withKnownContextWindows } from './router-setup.js';

export interface RoutedChat extends RoutingOutcome {
  result: ChatResult;
}

export interface RoutedStream extends RoutingOutcome {
  /** Iterate once; a failure after the first part throws a SwitchyardError (end the stream with an in-band error). */
  stream: RoutedChatStream;
}

export interface RoutedEmbedding extends RoutingOutcome {
  result: EmbeddingResult;
}

/** Routes OpenAI-shaped requests over a model list: strategies, retries, fallbacks and cooldowns. */
export class Router {
  readonly deployments: readonly Deployment[];
  readonly options: RouterOptions;
  readonly state: RouterState;
  /** Configuration that loads but probably does not do what was meant (a fallback to an unknown group, ...). */
  readonly warnings: readonly string[];
  readonly #engine: RouterEngine;
  readonly #chat: Operation<ChatCompletionRequest, ChatResult>;
  readonly #stream: Operation<ChatCompletionRequest, RoutedChatStream>;
  readonly #embed: Operation<EmbeddingRequest, EmbeddingResult>;

  constructor(init: RouterInit) {
    const options = init.options ?? resolveRouterOptions(init.routerSettings, init.litellmSettings);
    const skipped: string[] = [];
    const built = buildDeployments(init.modelList, init.providers, {
      defaultMaxParallelRequests: options.defaultMaxParallelRequests,
      skipInvalid: init.skipInvalidDeployments ?? false,
      warnings: skipped,
    });
    const deployments = withKnownContextWindows(built, init.pricing);
    const state = init.state ?? new InMemoryRouterState();
    state.attach(deployments, { latencyTtlMs: options.latencyTtlMs });
    const random = init.random ?? Math.random;
    const strategy = createStrategy(options.strategy, {
      deployments,
      view: state.view,
      random,
      lowestLatencyBuffer: options.lowestLatencyBuffer,
      pricePerToken: pricePerToken(deployments, init.pricing),
    });
    const registry = new ModelRegistry(deployments, options.aliases);
    const countsTokens = deployments.some((deployment) => deployment.tpm > 0) || options.strategy.startsWith('usage-based');
    this.deployments = deployments;
    this.options = options;
    this.state = state;
    this.warnings = [...skipped, ...configurationWarnings(registry, options)];
    this.#engine = {
      deployments,
      registry,
      state,
      selector: new DeploymentSelector(deployments, state.view, strategy, options),
      options,
      clock: init.clock ?? systemClock,
      random,
      tokenCounter: init.tokenCounter ?? charEstimateTokenCounter,
      countsTokens,
    };
    this.#chat = chatOperation(countsTokens);
    this.#stream = streamOperation(countsTokens);
    this.#embed = embedOperation(countsTokens);
  }

  // The outcomes are copied field by field: object rest (`{ value, ...outcome }`) takes V8's generic slow path, a
  // visible cost on every request.
  async chat(request: ChatCompletionRequest, options: RouteOptions = {}): Promise<RoutedChat> {
    const routed = await this.#route(this.#chat, request, options, this.#chatTokens(request));
    return { result: routed.value, deployment: routed.deployment, attempts: routed.attempts, fallbacks: routed.fallbacks, history: routed.history };
  }

  /** Resolves once a deployment's stream delivered its first part; failures before it retry and fall back. */
  async streamChat(request: ChatCompletionRequest, options: RouteOptions = {}): Promise<RoutedStream> {
    const routed = await this.#route(this.#stream, request, options, this.#chatTokens(request));
    return { stream: routed.value, deployment: routed.deployment, attempts: routed.attempts, fallbacks: routed.fallbacks, history: routed.history };
  }

  async embed(request: EmbeddingRequest, options: RouteOptions = {}): Promise<RoutedEmbedding> {
    const counter = this.#engine.tokenCounter;
    const routed = await this.#route(this.#embed, request, options, () => counter.countEmbeddingTokens(request));
    return { result: routed.value, deployment: routed.deployment, attempts: routed.attempts, fallbacks: routed.fallbacks, history: routed.history };
  }

  /** Whether a model name resolves to a group (exact, alias or wildcard). */
  hasModel(model: string): boolean {
    return this.#engine.registry.resolve(model) !== undefined;
  }

  /** Model names for /v1/models: every group and every alias not marked hidden. */
  listModels(): string[] {
    return this.#engine.registry.listModels();
  }

  close(): Promise<void> {
    return this.state.close();
  }

  #chatTokens(request: ChatCompletionRequest): () => number {
    const counter = this.#engine.tokenCounter;
    return () => counter.countChatTokens(request);
  }

  #route<Request extends RoutableRequest, Result>(
    operation: Operation<Request, Result>,
    request: Request,
    options: RouteOptions,
    estimateTokens: () => number,
  ) {
    return routeRequest(createRun(this.#engine, operation, request, options, estimateTokens));
  }
}

/** Builds a router: validates the model list and settings, and creates one provider per deployment. */
export function createRouter(init: RouterInit): Router {
  return new Router(init);
}
