import { afterAll, describe, expect, it } from 'vitest';
import { McpBridge } from '../bridge/mcp-bridge.js';
import { selectMcpTools } from './mcp-chat-tools.js';

const bridge = McpBridge.create({ everything: { command: 'unused' }, memory: { command: 'unused' } });
afterAll(() => bridge.close());

describe('selectMcpTools', () => {
  it('reads server_url, server_label and allowed_tools into a narrowed access', () => {
    expect(selectMcpTools(bridge, { type: 'mcp', server_url: 'litellm_proxy/mcp/memory' }, {}).access.allowedServers).toEqual([
      'memory',
    ]);
    expect(selectMcpTools(bridge, { type: 'mcp', server_label: 'everything' }, {}).access.allowedServers).toEqual([
      'everything',
    ]);
    const all = selectMcpTools(bridge, { type: 'mcp', server_url: 'litellm_proxy', server_label: 'my tools' }, {});
    expect(all.access.allowedServers).toBeUndefined();
    const tools = selectMcpTools(bridge, { type: 'mcp', server_label: 'everything', allowed_tools: { tool_names: ['echo'] } }, {});
    expect(tools.access.allowedTools).toEqual(['everything-echo']);
  });

  it('decides approval per tool, requiring it by default', () => {
    const entry = { type: 'mcp' as const, server_label: 'everything' };
    expect(selectMcpTools(bridge, entry, {}).needsApproval('everything-echo')).toBe(true);
    expect(selectMcpTools(bridge, { ...entry, require_approval: 'never' }, {}).needsApproval('everything-echo')).toBe(false);
    const some = selectMcpTools(bridge, { ...entry, require_approval: { never: { tool_names: ['echo'] } } }, {});
    expect([some.needsApproval('everything-echo'), some.needsApproval('everything-get-env')]).toEqual([false, true]);
    expect(selectMcpTools(bridge, entry, {}, 'never').needsApproval('everything-get-env')).toBe(false);
  });

  it('refuses other MCP URLs, unknown labels and servers outside the key', () => {
    expect(() => selectMcpTools(bridge, { type: 'mcp', server_url: 'https://elsewhere.example/sse' }, {})).toThrow(/litellm_proxy/);
    expect(() => selectMcpTools(bridge, { type: 'mcp', server_label: 'nowhere' }, {})).toThrow(/No MCP server/);
    expect(() => selectMcpTools(bridge, { type: 'mcp', server_label: 'everything' }, { allowedServers: ['memory'] })).toThrow(
      /not allowed/,
    );
  });
});
