import { describe, expect, it } from 'vitest';
import { parseMcpServersConfig } from '../config/mcp-server-config.js';
import { accessFingerprint, configAllowsTool, narrowAccess, toolPermitted } from './mcp-access.js';

const servers = parseMcpServersConfig({
  everything: { command: 'node', allowed_tools: ['echo', 'get-sum'], disallowed_tools: ['echo'] },
  memory: { command: 'node', disallowed_tools: ['delete_entities'] },
});
const everything = servers['everything']!;
const memory = servers['memory']!;

describe('narrowAccess', () => {
  it('intersects the requested servers with the granted ones and never grants', () => {
    const key = { allowedServers: ['memory'], subject: 'k1' };
    expect(narrowAccess(key, { servers: ['everything'] }).allowedServers).toEqual([]);
    expect(narrowAccess(key, { servers: ['memory', 'everything'] }).allowedServers).toEqual(['memory']);
    expect(narrowAccess({}, { servers: ['everything'] }).allowedServers).toEqual(['everything']);
    expect(narrowAccess(key, {}).allowedServers).toEqual(['memory']);
    expect(narrowAccess(key, {}).subject).toBe('k1');
  });

  it('intersects tool lists the same way', () => {
    const key = { allowedTools: ['memory-read_graph', 'memory-search_nodes'] };
    expect(narrowAccess(key, { tools: ['memory-read_graph', 'everything-echo'] }).allowedTools).toEqual([
      'memory-read_graph',
    ]);
  });
});

describe('tool permissions', () => {
  it('lets allowed_tools win over disallowed_tools', () => {
    expect(configAllowsTool(everything, 'echo')).toBe(true);
    expect(configAllowsTool(everything, 'get-env')).toBe(false);
    expect(configAllowsTool(memory, 'delete_entities')).toBe(false);
    expect(configAllowsTool(memory, 'read_graph')).toBe(true);
  });

  it('needs the config, the server grant and the tool grant', () => {
    expect(toolPermitted(memory, {}, 'memory', 'read_graph')).toBe(true);
    expect(toolPermitted(memory, { allowedServers: ['everything'] }, 'memory', 'read_graph')).toBe(false);
    expect(toolPermitted(memory, { allowedTools: ['memory-open_nodes'] }, 'memory', 'read_graph')).toBe(false);
    expect(toolPermitted(memory, { allowedTools: ['memory-read_graph'] }, 'memory', 'read_graph')).toBe(true);
  });

  it('fingerprints accesses independently of list order', () => {
    expect(accessFingerprint({ allowedServers: ['a', 'b'], subject: 'k' })).toBe(
      accessFingerprint({ allowedServers: ['b', 'a'], subject: 'k' }),
    );
    expect(accessFingerprint({ allowedServers: ['a'] })).not.toBe(accessFingerprint({}));
  });
});
