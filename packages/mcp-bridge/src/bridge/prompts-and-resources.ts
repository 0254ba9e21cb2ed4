import type {
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { listUpstream } from '../upstream/upstream-lists.js';
import type { UpstreamConnection } from '../upstream/upstream-connection.js';
import type { McpBridge, McpCallOptions } from './mcp-bridge.js';
import { McpBridgeError } from './mcp-bridge-error.js';
import { namespaceName, splitNamespacedName } from './namespaced-name.js';

const looseResult = z.looseObject({});

function callOptions(bridge: McpBridge, connection: UpstreamConnection, options: McpCallOptions) {
  return { signal: options.signal, headers: bridge.forwardedHeaders(connection, options) };
}

/** Prompts of every server the caller may use, named `<server>-<prompt>`. */
export function listPrompts(bridge: McpBridge, options: McpCallOptions = {}): Promise<Prompt[]> {
  return bridge.gather(bridge.accessibleConnections(options), 'prompts/list', async (connection) => {
    const prompts = await listUpstream(connection, 'prompts', bridge.paging, callOptions(bridge, connection, options));
    return prompts.map((prompt) => ({ ...prompt, name: namespaceName(connection.name, prompt.name) }));
  });
}

/** Gets `<server>-<prompt>` from its server; the result is returned unchanged. */
export async function getPrompt(
  bridge: McpBridge,
  namespacedName: string,
  args: Readonly<Record<string, string>> | undefined,
  options: McpCallOptions = {},
): Promise<GetPromptResult> {
  const split = splitNamespacedName(namespacedName);
  if (!split) throw new McpBridgeError('invalid_name', `Prompt "${namespacedName}" is not a <server>-<prompt> name.`);
  const connection = bridge.connectionFor(split.server, options);
  const params = { name: split.name, ...(args === undefined ? {} : { arguments: { ...args } }) };
  const result = await connection.run(
    (client, requestOptions) => client.request({ method: 'prompts/get', params }, looseResult, requestOptions),
    callOptions(bridge, connection, options),
  );
  return result as GetPromptResult;
}

/** Resources of every server the caller may use: URIs unchanged, names prefixed with the server. */
export function listResources(bridge: McpBridge, options: McpCallOptions = {}): Promise<Resource[]> {
  return bridge.gather(bridge.accessibleConnections(options), 'resources/list', async (connection) => {
    const call = callOptions(bridge, connection, options);
    const resources = await listUpstream(connection, 'resources', bridge.paging, call);
    bridge.resources.remember(
      connection.name,
      resources.map((resource) => resource.uri),
    );
    return resources.map((resource) => ({ ...resource, name: namespaceName(connection.name, resource.name) }));
  });
}

/** Resource templates of every server the caller may use (templates unchanged, names prefixed). */
export function listResourceTemplates(bridge: McpBridge, options: McpCallOptions = {}): Promise<ResourceTemplate[]> {
  return bridge.gather(bridge.accessibleConnections(options), 'resources/templates/list', async (connection) => {
    const call = callOptions(bridge, connection, options);
    const templates = await listUpstream(connection, 'resourceTemplates', bridge.paging, call);
    bridge.resources.rememberTemplates(
      connection.name,
      templates.map((template) => template.uriTemplate),
    );
    return templates.map((template) => ({ ...template, name: namespaceName(connection.name, template.name) }));
  });
}

/** The server that owns `uri` among those the caller may use and that offer resources. */
async function resourceOwner(bridge: McpBridge, uri: string, options: McpCallOptions): Promise<UpstreamConnection> {
  const candidates = bridge.accessibleConnections(options);
  await Promise.allSettled(candidates.map((connection) => connection.connect()));
  const offering = candidates.filter((connection) => connection.capabilities?.resources);
  const owner = bridge.resources.route(
    uri,
    offering.map((connection) => connection.name),
  );
  const connection = offering.find((candidate) => candidate.name === owner);
  if (!connection) throw new McpBridgeError('unknown_server', `No MCP server the caller may use offers "${uri}".`);
  return connection;
}

/** Reads a resource from the server that owns it; the result is returned unchanged. */
export async function readResource(
  bridge: McpBridge,
  uri: string,
  options: McpCallOptions = {},
): Promise<ReadResourceResult> {
  const connection = await resourceOwner(bridge, uri, options);
  const result = await connection.run(
    (client, requestOptions) => client.request({ method: 'resources/read', params: { uri } }, looseResult, requestOptions),
    callOptions(bridge, connection, options),
  );
  return result as ReadResourceResult;
}

/** Forwards `resources/subscribe` or `resources/unsubscribe` to the owner; returns the server that took it. */
export async function setResourceSubscription(
  bridge: McpBridge,
  uri: string,
  subscribe: boolean,
  options: McpCallOptions = {},
): Promise<string> {
  const connection = await resourceOwner(bridge, uri, options);
  const method = subscribe ? 'resources/subscribe' : 'resources/unsubscribe';
  await connection.run(
    (client, requestOptions) => client.request({ method, params: { uri } }, looseResult, requestOptions),
    callOptions(bridge, connection, options),
  );
  return connection.name;
}
