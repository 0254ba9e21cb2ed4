import { describe, expect, it } from 'vitest';
import { parseMcpServersConfig } from './mcp-server-config.js';

describe('mcp_servers config', () => {
  it('accepts LiteLLM-shaped entries and applies defaults', () => {
    const servers = parseMcpServersConfig({
      everything: { transport: 'stdio', command: 'node', args: ['index.js'], allowed_tools: ['echo', 'get-sum'] },
      memory: {
        transport: 'http',
        url: 'http://127.0.0.1:9200/mcp',
        auth_type: 'bearer_token',
        auth_value: 'resolved-token',
        mcp_info: { mcp_server_cost_info: { default_cost_per_query: 0.01 } },
        access_groups: ['team-a'],
      },
      inferred: { command: 'npx' },
      legacy: { url: 'https://example.com/sse', transport: 'sse' },
    });
    expect(servers['everything']).toMatchObject({ transport: 'stdio', env: {}, allowed_tools: ['echo', 'get-sum'] });
    expect(servers['memory']).toMatchObject({ transport: 'http', auth_type: 'bearer_token', access_groups: ['team-a'] });
    expect(servers['inferred']).toMatchObject({ transport: 'stdio', args: [], env: {} });
    expect(servers['legacy']?.transport).toBe('sse');
  });

  it('rejects server names containing the separator', () => {
    expect(() => parseMcpServersConfig({ 'my-server': { command: 'node' } })).toThrow(/mcp_servers\.my-server: server names/);
  });

  it('names the field and never echoes values', () => {
    const attempt = () =>
      parseMcpServersConfig({ memory: { transport: 'http', url: 'not a url', auth_type: 'basic', auth_value: '' } });
    expect(attempt).toThrow(/mcp_servers\.memory\.url/);
    expect(attempt).toThrow(/auth_value is required/);
    const withSecret = () =>
      parseMcpServersConfig({ m: { transport: 'ftp', url: 'http://x', auth_type: 'bearer_token', auth_value: 'sekrit' } });
    expect(withSecret).toThrow(/mcp_servers\.m\.transport/);
    expect(withSecret).not.toThrow(/sekrit/);
  });

  it('requires a command for stdio and a URL for remote servers', () => {
    expect(() => parseMcpServersConfig({ a: { transport: 'stdio' } })).toThrow(/mcp_servers\.a\.command/);
    expect(() => parseMcpServersConfig({ a: { transport: 'http' } })).toThrow(/mcp_servers\.a\.url/);
  });
});
