import { SwitchyardError } from '@switchyard/core';
import { readBodyText, transportError, type HttpClient } from '@switchyard/provider-kit';
import type { A2aAgent } from '../config/a2a-agent-registry.js';
import { agentRequestHeaders } from '../http/agent-headers.js';
import { agentCardUrls } from './agent-card-urls.js';

const maxCardBytes = 1024 * 1024;

/** An agent card as the agent served it: JSON, in whichever protocol version's shape. */
export type RawAgentCard = Record<string, unknown>;

export interface FetchedAgentCard {
  card: RawAgentCard;
  /** The URL the card came from (relative interface URLs resolve against it). */
  url: string;
}

export interface FetchAgentCardOptions {
  /** The `A2A-Version` header to send; a dual-version agent answers in that version's shape. */
  version?: string | undefined;
  signal?: AbortSignal | undefined;
}

function cardError(agent: A2aAgent, message: string, upstreamStatus?: number): SwitchyardError {
  return new SwitchyardError('upstream_unavailable', `A2A agent "${agent.name}" ${message}`, {
    status: 502,
    provider: `a2a/${agent.name}`,
    ...(upstreamStatus === undefined ? {} : { upstreamStatus }),
  });
}

async function fetchOne(http: HttpClient, agent: A2aAgent, url: string, options: FetchAgentCardOptions) {
  try {
    const response = await http.send({
      url,
      method: 'GET',
      headers: agentRequestHeaders(agent.headers, { accept: 'application/json', 'a2a-version': options.version }),
      timeoutMs: agent.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const text = await readBodyText(response.body, maxCardBytes + 1);
    return { status: response.status, text };
  } catch (error) {
    throw transportError(error, `a2a/${agent.name}`);
  }
}

function parseCard(agent: A2aAgent, text: string): RawAgentCard {
  if (Buffer.byteLength(text) > maxCardBytes) throw cardError(agent, 'served an agent card larger than 1 MiB.');
  let card: unknown;
  try {
    card = JSON.parse(text);
  } catch {
    throw cardError(agent, 'served an agent card that is not JSON.');
  }
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    throw cardError(agent, 'served an agent card that is not a JSON object.');
  }
  return card as RawAgentCard;
}

/**
 * Fetches an agent's card with the agent's configured headers: the well-known path first, the pre-0.3 path
 * when that one is 404. Failures are SwitchyardErrors (`upstream_unavailable`, `timeout`) that name the agent
 * and never carry a header value.
 */
export async function fetchAgentCard(
  http: HttpClient,
  agent: A2aAgent,
  options: FetchAgentCardOptions = {},
): Promise<FetchedAgentCard> {
  const urls = agentCardUrls(agent.url);
  for (const [index, url] of urls.entries()) {
    const { status, text } = await fetchOne(http, agent, url, options);
    if (status === 404 && index < urls.length - 1) continue;
    if (status === 401 || status === 403) throw cardError(agent, `refused the gateway's credentials (HTTP ${status}) for its agent card.`, status);
    if (status < 200 || status >= 300) throw cardError(agent, `answered HTTP ${status} for its agent card.`, status);
    return { card: parseCard(agent, text), url };
  }
  throw cardError(agent, 'has no agent card.');
}
