import { describe, expect, it } from 'vitest';
import type { FetchedAgentCard } from '../agent-card/fetch-agent-card.js';
import type { A2aAgent } from '../config/a2a-agent-registry.js';
import { CardCache } from './card-cache.js';

const agent: A2aAgent = { name: 'echo', url: 'http://127.0.0.1:1/', headers: {}, timeoutMs: 1000, description: undefined };

function counter() {
  let calls = 0;
  const fetch = () => {
    calls += 1;
    return Promise.resolve<FetchedAgentCard>({ card: { name: `card ${calls}` }, url: 'http://127.0.0.1:1/c.json' });
  };
  return { fetch, calls: () => calls };
}

describe('CardCache', () => {
  it('reuses a card per agent and version until it expires', async () => {
    let now = 0;
    const cache = new CardCache(1000, () => now);
    const source = counter();
    await cache.get(agent, '1.0', source.fetch);
    await cache.get(agent, '1.0', source.fetch);
    await cache.get(agent, '', source.fetch);
    expect(source.calls()).toBe(2);
    now = 1001;
    expect((await cache.get(agent, '1.0', source.fetch)).card['name']).toBe('card 3');
    expect((await cache.get({ ...agent }, '1.0', source.fetch)).card['name']).toBe('card 4');
  });

  it('does not keep a failed fetch, nor more than a few versions per agent', async () => {
    const cache = new CardCache(60_000);
    await expect(cache.get(agent, 'x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const source = counter();
    await cache.get(agent, 'x', source.fetch);
    expect(source.calls()).toBe(1);
    for (let index = 0; index < 20; index += 1) await cache.get(agent, `9.${index}`, source.fetch);
    await cache.get(agent, 'x', source.fetch);
    expect(source.calls()).toBe(22);
  });
});
