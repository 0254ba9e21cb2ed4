import type { Prompt, Resource, ResourceTemplate, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { McpBridgeError } from '../bridge/mcp-bridge-error.js';
import { collectPages, type CollectPagesOptions } from './collect-pages.js';
import type { UpstreamCallOptions, UpstreamConnection } from './upstream-connection.js';

/**
 * Loose page schemas: items keep every field the upstream sent (`title`, `icons`, `outputSchema`, `annotations`,
 * `execution`, `_meta`, fields of newer protocol versions), unlike the SDK's own result schemas which strip them.
 */
const pageSchema = (key: string) =>
  z.looseObject({ [key]: z.array(z.looseObject({})), nextCursor: z.string().optional() });

export type ListKind = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
type ItemOf<K extends ListKind> = { tools: Tool; prompts: Prompt; resources: Resource; resourceTemplates: ResourceTemplate }[K];

const methods: Readonly<Record<ListKind, string>> = {
  tools: 'tools/list',
  prompts: 'prompts/list',
  resources: 'resources/list',
  resourceTemplates: 'resources/templates/list',
};

const capabilityOf: Readonly<Record<ListKind, 'tools' | 'prompts' | 'resources'>> = {
  tools: 'tools',
  prompts: 'prompts',
  resources: 'resources',
  resourceTemplates: 'resources',
};

/**
 * The upstream's whole list of one kind, following pagination with guards. Tools are cached per connection until
 * the upstream says they changed or the connection is reopened (unless the request carried the caller's own
 * upstream headers); a server without the capability lists nothing.
 */
export async function listUpstream<K extends ListKind>(
  connection: UpstreamConnection,
  kind: K,
  paging: CollectPagesOptions,
  call: UpstreamCallOptions = {},
): Promise<Array<ItemOf<K>>> {
  await connection.connect();
  if (!connection.capabilities?.[capabilityOf[kind]]) return [];
  // A list fetched with a caller's own upstream headers (per-user credentials) is that caller's: not cached.
  const cacheable = kind === 'tools' && Object.keys(call.headers ?? {}).length === 0;
  const cached = cacheable ? (connection.cache.get(kind) as Array<ItemOf<K>> | undefined) : undefined;
  if (cached) return cached;
  const schema = pageSchema(kind);
  const fetchPage = (cursor: string | undefined) =>
    connection.run(async (client, options) => {
      const page = await client.request({ method: methods[kind], params: cursor ? { cursor } : {} }, schema, options);
      const nextCursor = typeof page.nextCursor === 'string' ? page.nextCursor : undefined;
      return { items: page[kind] as unknown as Array<ItemOf<K>>, nextCursor };
    }, call);
  let items: Array<ItemOf<K>>;
  try {
    items = await collectPages(fetchPage, paging);
  } catch (error) {
    if (McpBridgeError.isMcpBridgeError(error)) throw error;
    const message = `MCP server "${connection.name}" ${methods[kind]}: ${(error as Error).message}`;
    throw new McpBridgeError('upstream_error', message, { server: connection.name });
  }
  if (cacheable) connection.cache.set(kind, items);
  return items;
}
