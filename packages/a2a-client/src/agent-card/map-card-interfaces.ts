import type { RawAgentCard } from './fetch-agent-card.js';

/** Decides an interface's new URL from its current one and its binding; `undefined` drops the interface. */
export type InterfaceUrlMapper = (url: string, binding: string) => string | undefined;

function mapList(value: unknown, bindingKey: string, mapper: InterfaceUrlMapper): unknown {
  if (!Array.isArray(value)) return value;
  const kept: unknown[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const url = typeof record['url'] === 'string' ? record['url'] : undefined;
    const binding = typeof record[bindingKey] === 'string' ? (record[bindingKey] as string).toUpperCase() : '';
    const mapped = url === undefined ? undefined : mapper(url, binding);
    if (mapped !== undefined) kept.push({ ...record, url: mapped });
  }
  return kept;
}

/**
 * A copy of the card with every interface URL passed through `mapper`: 1.0 `supportedInterfaces`, the 0.3
 * `url` (with `preferredTransport`, JSON-RPC when absent) and 0.3 `additionalInterfaces`. A top-level `url`
 * the mapper drops is left out together with its `preferredTransport`.
 */
export function mapCardInterfaces(card: RawAgentCard, mapper: InterfaceUrlMapper): RawAgentCard {
  const copy: RawAgentCard = { ...card };
  if ('supportedInterfaces' in copy) copy['supportedInterfaces'] = mapList(copy['supportedInterfaces'], 'protocolBinding', mapper);
  if ('additionalInterfaces' in copy) copy['additionalInterfaces'] = mapList(copy['additionalInterfaces'], 'transport', mapper);
  if (typeof copy['url'] === 'string') {
    const binding = typeof copy['preferredTransport'] === 'string' ? copy['preferredTransport'].toUpperCase() : 'JSONRPC';
    const mapped = mapper(copy['url'], binding);
    if (mapped === undefined) {
      delete copy['url'];
      delete copy['preferredTransport'];
    } else {
      copy['url'] = mapped;
    }
  }
  return copy;
}

/** The card with relative interface URLs made absolute against the URL the card came from. */
export function absolutiseCardUrls(card: RawAgentCard, cardUrl: string): RawAgentCard {
  return mapCardInterfaces(card, (url) => {
    try {
      return new URL(url, cardUrl).toString();
    } catch {
      return undefined;
    }
  });
}
