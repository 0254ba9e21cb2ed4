import type { AgentCard, Task } from '@a2a-js/sdk';
import {
  ClientFactory,
  DefaultAgentCardResolver,
  JsonRpcTransportFactory,
  RestTransportFactory,
  type Client,
} from '@a2a-js/sdk/client';
import { discoverAgentCard } from '../agent-card/discover-agent-card.js';
import type { A2aAgent } from '../config/a2a-agent-registry.js';
import { createHttpClientFetch } from '../http/http-client-fetch.js';
import { toA2aCallError } from './a2a-call-error.js';
import { toSendResult, toStreamEvent, type A2aSendResult, type A2aStreamEvent } from './a2a-events.js';
import { httpClientOf, resolveAgentTarget, type A2aAgentTarget, type AgentConnectionOptions } from './agent-target.js';
import { CallDeadline } from './call-deadline.js';
import { toSendMessageRequest, type A2aMessageInput } from './message-input.js';

export interface A2aCallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

export interface A2aClientOptions extends AgentConnectionOptions {
  /** A card already discovered; skips discovery. */
  card?: AgentCard;
  signal?: AbortSignal;
}

/**
 * A client for one A2A agent on the official SDK's client: JSON-RPC or HTTP+JSON as the card offers, A2A 1.0,
 * or 0.3 (`message/send`, `kind` fields) when the card is a 0.3 card, through the SDK's compat layer.
 */
export class A2aClient {
  readonly card: AgentCard;
  /** The SDK client underneath, for what this class does not wrap (push configs, resubscribe, list). */
  readonly sdkClient: Client;
  readonly #agent: A2aAgent;

  constructor(agent: A2aAgent, card: AgentCard, sdkClient: Client) {
    this.#agent = agent;
    this.card = card;
    this.sdkClient = sdkClient;
  }

  /** The protocol version the client speaks to this agent: `1.0`, or `0.3` for a 0.3 agent. */
  get protocolVersion(): string {
    return this.sdkClient.protocolVersion;
  }

  async sendMessage(input: A2aMessageInput, options: A2aCallOptions = {}): Promise<A2aSendResult> {
    return this.#call(options, async (signal) => toSendResult(await this.sdkClient.sendMessage(toSendMessageRequest(input), { signal })));
  }

  /** Streams the agent's events as they arrive; breaking out of the loop ends the request to the agent. */
  async *streamMessage(input: A2aMessageInput, options: A2aCallOptions = {}): AsyncGenerator<A2aStreamEvent, void, undefined> {
    const deadline = new CallDeadline(options.timeoutMs ?? this.#agent.timeoutMs, options.signal);
    let finished = false;
    try {
      for await (const response of this.sdkClient.sendMessageStream(toSendMessageRequest(input), { signal: deadline.signal })) {
        const event = toStreamEvent(response);
        if (event === undefined) continue;
        deadline.pause();
        yield event;
        deadline.restart();
      }
      finished = true;
    } catch (error) {
      finished = true;
      throw toA2aCallError(error, this.#agent, deadline);
    } finally {
      if (!finished) deadline.abort();
      deadline.dispose();
    }
  }

  async getTask(taskId: string, options: A2aCallOptions & { historyLength?: number } = {}): Promise<Task> {
    const request = { tenant: '', id: taskId, ...(options.historyLength === undefined ? {} : { historyLength: options.historyLength }) };
    return this.#call(options, (signal) => this.sdkClient.getTask(request, { signal }));
  }

  async cancelTask(taskId: string, options: A2aCallOptions = {}): Promise<Task> {
    return this.#call(options, (signal) => this.sdkClient.cancelTask({ tenant: '', id: taskId, metadata: undefined }, { signal }));
  }

  async #call<T>(options: A2aCallOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = new CallDeadline(options.timeoutMs ?? this.#agent.timeoutMs, options.signal);
    try {
      return await run(deadline.signal);
    } catch (error) {
      throw toA2aCallError(error, this.#agent, deadline);
    } finally {
      deadline.dispose();
    }
  }
}

/**
 * Discovers the agent's card (unless given) and builds a client for it. `target` is a registry entry or the
 * agent's base URL; requests go through provider-kit's HTTP client with the agent's headers.
 */
export async function createA2aClient(target: A2aAgentTarget, options: A2aClientOptions = {}): Promise<A2aClient> {
  const agent = resolveAgentTarget(target, options);
  const card = options.card ?? (await discoverAgentCard(agent, { ...options, ...(options.signal ? { signal: options.signal } : {}) }));
  const fetchImpl = createHttpClientFetch(httpClientOf(options), agent.headers);
  const legacyCompat = { enabled: true };
  const factory = new ClientFactory({
    transports: [new JsonRpcTransportFactory({ fetchImpl, legacyCompat }), new RestTransportFactory({ fetchImpl, legacyCompat })],
    preferredTransports: ['JSONRPC', 'HTTP+JSON'],
    cardResolver: new DefaultAgentCardResolver({ fetchImpl, legacyCompat }),
  });
  return new A2aClient(agent, card, await factory.createFromAgentCard(card));
}
