import { describe, expect, it } from 'vitest';
import { a2aAgentsConfigSchema, parseA2aAgentConfig, parseA2aAgentsConfig } from './a2a-agent-config.js';
import { A2aAgentRegistry, summariseA2aAgent } from './a2a-agent-registry.js';

describe('a2a_agents config', () => {
  it('accepts the documented shape and keeps unknown LiteLLM keys', () => {
    const parsed = parseA2aAgentsConfig([
      { agent_name: 'echo', url: 'http://127.0.0.1:9100/' },
      { agent_name: 'billing.v2', url: 'https://agents.example.com/billing', headers: { Authorization: 'Bearer t0ken-value' }, timeout: 30, litellm_params: {} },
    ]);
    expect(parsed.map((agent) => agent.agent_name)).toEqual(['echo', 'billing.v2']);
    expect(parsed[1]).toMatchObject({ timeout: 30, litellm_params: {} });
    expect(parseA2aAgentsConfig(undefined)).toEqual([]);
  });

  it('names the entry and field of a mistake, never a header value', () => {
    const attempt = () => parseA2aAgentsConfig([
      { agent_name: 'echo', url: 'http://127.0.0.1:9100/', headers: { 'bad header': 'Bearer hidden-secret-1' } },
      { agent_name: 'echo', url: 'ftp://127.0.0.1/' },
      { agent_name: '-x', url: 'http://user:pw@127.0.0.1/' },
    ]);
    expect(attempt).toThrow(/a2a_agents\.0\.headers\.bad header/);
    expect(attempt).toThrow(/a2a_agents\.1\.url/);
    expect(attempt).toThrow(/a2a_agents\.2\.agent_name/);
    expect(attempt).toThrow(/credentials in headers/);
    expect(attempt).not.toThrow(/hidden-secret-1/);
    expect(a2aAgentsConfigSchema.safeParse([{ agent_name: 'a', url: 'http://x/' }, { agent_name: 'a', url: 'http://y/' }]).error?.issues[0]?.message)
      .toBe('duplicate agent name "a"');
  });
});

describe('A2aAgentRegistry', () => {
  it('builds agents from the config: trailing slash on base URLs, timeout in ms, frozen headers', () => {
    const registry = A2aAgentRegistry.fromConfig([
      { agent_name: 'echo', url: 'http://127.0.0.1:9100/agents/echo', headers: { 'X-Key': 'v' }, timeout: 1.5 },
      { agent_name: 'card', url: 'http://127.0.0.1:9100/card.json' },
    ]);
    expect(registry.get('echo')).toMatchObject({ url: 'http://127.0.0.1:9100/agents/echo/', timeoutMs: 1500, headers: { 'X-Key': 'v' } });
    expect(registry.get('card')).toMatchObject({ url: 'http://127.0.0.1:9100/card.json', timeoutMs: 600_000 });
    expect(Object.isFrozen(registry.get('echo')!.headers)).toBe(true);
  });

  it('registers (validated, replacing by name) and removes agents', () => {
    const registry = new A2aAgentRegistry();
    const first = registry.register({ agent_name: 'echo', url: 'http://127.0.0.1:1/' });
    const second = registry.register({ agent_name: 'echo', url: 'http://127.0.0.1:2/' });
    expect(registry.list()).toEqual([second]);
    expect(second).not.toBe(first);
    expect(() => registry.register({ agent_name: 'bad name', url: 'http://127.0.0.1:3/' })).toThrow(/agent\.agent_name/);
    expect(registry.remove('echo')).toBe(true);
    expect(registry.has('echo')).toBe(false);
  });

  it('summarises an agent for the management API without header values', () => {
    const agent = parseA2aAgentConfig({ agent_name: 'echo', url: 'http://127.0.0.1:9100/', headers: { authorization: 'Bearer s3cret-v4lue' } });
    const summary = summariseA2aAgent(new A2aAgentRegistry([agent]).get('echo')!);
    expect(summary).toEqual({ agent_name: 'echo', url: 'http://127.0.0.1:9100/', header_names: ['authorization'] });
    expect(JSON.stringify(summary)).not.toContain('s3cret-v4lue');
  });
});
