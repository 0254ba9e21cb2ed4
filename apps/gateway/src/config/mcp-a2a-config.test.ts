import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { parseConfigText } from './load-config.js';

const valid = `
mcp_servers:
  everything:
    transport: stdio
    command: node
    args: ["node_modules/@modelcontextprotocol/server-everything/dist/index.js"]
    env: {TOKEN: os.environ/CHILD_TOKEN}
    allowed_tools: [echo, get-sum]
  memory:
    transport: http
    url: http://127.0.0.1:9200/mcp
    auth_type: bearer_token
    auth_value: os.environ/MEMORY_MCP_TOKEN
    disallowed_tools: [delete_entities]
a2a_agents:
  - agent_name: echo
    url: http://127.0.0.1:9100/
`;

function errorOf(yaml: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfigText(yaml, 'c.yaml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('mcp_servers and a2a_agents in the config', () => {
  it('parses LiteLLM shapes, resolves os.environ/ references and does not warn about them', () => {
    const config = parseConfigText(valid, 'c.yaml', { MEMORY_MCP_TOKEN: 'mem-secret', CHILD_TOKEN: 'child-secret' });
    expect(config.mcpServers['everything']).toMatchObject({ transport: 'stdio', env: { TOKEN: 'child-secret' }, allowed_tools: ['echo', 'get-sum'] });
    expect(config.mcpServers['memory']).toMatchObject({ transport: 'http', auth_type: 'bearer_token', auth_value: 'mem-secret' });
    expect(config.a2aAgents).toEqual([{ agent_name: 'echo', url: 'http://127.0.0.1:9100/' }]);
    expect(config.warnings).toEqual([]);
  });

  it('defaults to no servers and no agents', () => {
    const config = parseConfigText('model_list: []', 'c.yaml', {});
    expect(config.mcpServers).toEqual({});
    expect(config.a2aAgents).toEqual([]);
  });

  it('names a missing environment variable and never prints a resolved secret', () => {
    expect(errorOf(valid, { CHILD_TOKEN: 'x' })).toContain('MEMORY_MCP_TOKEN (at mcp_servers.memory.auth_value)');
  });

  it.each([
    ['a server name with "-"', 'mcp_servers: {my-server: {url: "http://127.0.0.1:1/mcp"}}', 'mcp_servers.my-server: MCP server names use letters, digits and underscores only'],
    ['a bad URL', 'mcp_servers: {m: {transport: http, url: "not a url"}}', 'mcp_servers.m.url'],
    ['an unknown transport', 'mcp_servers: {m: {transport: websocket, url: "http://127.0.0.1:1/"}}', 'mcp_servers.m.transport'],
    ['stdio without a command', 'mcp_servers: {m: {transport: stdio}}', 'mcp_servers.m.command'],
    ['auth without a value', 'mcp_servers: {m: {url: "http://127.0.0.1:1/mcp", auth_type: api_key}}', 'mcp_servers.m.auth_value'],
    ['a non-string env value', 'mcp_servers: {m: {command: node, env: {A: [1]}}}', 'mcp_servers.m.env.A'],
    ['an agent without a URL', 'a2a_agents: [{agent_name: echo}]', 'a2a_agents[0].url'],
    ['a duplicate agent', 'a2a_agents: [{agent_name: e, url: "http://127.0.0.1:1/"}, {agent_name: e, url: "http://127.0.0.1:2/"}]', 'duplicate agent name'],
    ['credentials in an agent URL', 'a2a_agents: [{agent_name: e, url: "http://u:p@127.0.0.1:1/"}]', 'put credentials in headers'],
  ])('refuses %s with the key path', (_name, yaml, expected) => {
    const message = errorOf(yaml);
    expect(message).toContain('c.yaml: ');
    expect(message).toContain(expected);
    expect(message).toContain('Fix this value and start again.');
  });

  it('never echoes an auth value in an error', () => {
    const message = errorOf('mcp_servers: {m: {transport: http, url: "bad", auth_type: bearer_token, auth_value: s3cret-value}}');
    expect(message).not.toContain('s3cret-value');
  });
});
