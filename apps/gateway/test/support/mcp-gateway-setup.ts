import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { memoryStdio, startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import { startHarness, type Harness } from './gateway-harness.js';
import { servicesMasterKey, testGovernance, type TestGovernance } from './test-governance.js';

export interface McpGatewaySetup {
  harness: Harness;
  governance: TestGovernance;
  /** server-everything over streamable HTTP (a child process on 127.0.0.1). */
  everything: HttpPeer;
  keys: { admin: string; memoryOnly: string; none: string; limited: string };
  /** The official MCP SDK client connected to `path` (`/mcp`, `/mcp/memory`) with `key`. */
  connect(key: string | undefined, path?: string, headers?: Record<string, string>): Promise<Client>;
  close(): Promise<void>;
}

/**
 * A gateway with governance in front of two real MCP servers from npm: server-everything over streamable HTTP
 * (`everything`) and server-memory over stdio (`memory`), and keys: one with no object_permission (everything),
 * one limited to memory, one with no servers, one with an rpm limit of 3.
 */
export async function startMcpGateway(extraYaml = ''): Promise<McpGatewaySetup> {
  const everything = await startEverythingHttp('streamableHttp');
  const memory = memoryStdio();
  const yaml = `general_settings: {master_key: ${servicesMasterKey}}
model_list: []
mcp_servers:
  everything:
    transport: http
    url: ${everything.url}
    mcp_info: {mcp_server_cost_info: {default_cost_per_query: 0.01, tool_name_to_cost_per_query: {get-sum: 0.05}}}
  memory: ${JSON.stringify(memory.config)}
${extraYaml}`;
  const harness = await startHarness(yaml);
  const governance = testGovernance(harness.gateway);
  const keys = {
    admin: await governance.issueKey({ keyAlias: 'all-servers' }),
    memoryOnly: await governance.issueKey({ keyAlias: 'memory-only', objectPermission: { mcpServers: ['memory'] } }),
    none: await governance.issueKey({ keyAlias: 'no-servers', objectPermission: { mcpServers: [], agents: [] } }),
    limited: await governance.issueKey({ keyAlias: 'limited', rpmLimit: 3 }),
  };
  const clients: Client[] = [];
  return {
    harness,
    governance,
    everything,
    keys,
    async connect(key, path = '/mcp', headers = {}) {
      const client = new Client({ name: 'gateway-test', version: '1.0.0' });
      const auth: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
      const transport = new StreamableHTTPClientTransport(new URL(`${harness.url}${path}`), { requestInit: { headers: { ...auth, ...headers } } });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await harness.close();
      await everything.kill();
      memory.cleanup();
    },
  };
}
