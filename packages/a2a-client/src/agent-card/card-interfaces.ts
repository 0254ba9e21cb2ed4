import type { RawAgentCard } from './fetch-agent-card.js';

/** One endpoint an agent card advertises, whatever the card's protocol version. */
export interface CardInterface {
  /** Absolute (relative card URLs are resolved against the card's own URL). */
  url: string;
  /** `JSONRPC`, `HTTP+JSON`, `GRPC`, … */
  binding: string;
  /** The protocol version the endpoint speaks, when the card says. */
  version: string | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}

function absolute(url: string, cardUrl: string): string | undefined {
  try {
    return new URL(url, cardUrl).toString();
  } catch {
    return undefined;
  }
}

/**
 * The endpoints of a card: A2A 1.0 `supportedInterfaces` (each with its own version), and the 0.3 `url` with
 * `preferredTransport` (JSON-RPC when absent) and `additionalInterfaces`, which speak the card's `protocolVersion`.
 */
export function listCardInterfaces(card: RawAgentCard, cardUrl: string): CardInterface[] {
  const found: CardInterface[] = [];
  const add = (url: string | undefined, binding: string | undefined, version: string | undefined) => {
    const resolved = url === undefined ? undefined : absolute(url, cardUrl);
    if (resolved !== undefined && binding !== undefined) found.push({ url: resolved, binding: binding.toUpperCase(), version });
  };
  for (const entry of records(card['supportedInterfaces'])) {
    add(text(entry['url']), text(entry['protocolBinding']), text(entry['protocolVersion']));
  }
  const legacyVersion = text(card['protocolVersion']);
  add(text(card['url']), text(card['preferredTransport']) ?? 'JSONRPC', legacyVersion);
  for (const entry of records(card['additionalInterfaces'])) {
    add(text(entry['url']), text(entry['transport']), legacyVersion);
  }
  return found;
}

/** `1.0.2` → `1.0`; anything without a minor part stays as it is. */
function majorMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/**
 * The agent's JSON-RPC URL for a call in `version` (`0.3` when the caller sent no `A2A-Version`, as the spec
 * says): the JSON-RPC interface declared for that version, else the first JSON-RPC interface.
 */
export function jsonRpcEndpoint(interfaces: readonly CardInterface[], version: string): string | undefined {
  const jsonRpc = interfaces.filter((entry) => entry.binding === 'JSONRPC');
  const wanted = majorMinor(version);
  const exact = jsonRpc.find((entry) => entry.version !== undefined && majorMinor(entry.version) === wanted);
  return (exact ?? jsonRpc[0])?.url;
}
