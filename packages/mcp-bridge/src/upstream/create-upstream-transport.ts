import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpServerConfig } from '../config/mcp-server-config.js';
import { createContextualFetch } from './request-headers-context.js';
import { ExplicitEnvStdioTransport } from './stdio-client-transport.js';
import { stdioEnvironment } from './stdio-environment.js';
import { staticUpstreamHeaders } from './upstream-headers.js';

export interface UpstreamTransportOptions {
  onStderr?: ((chunk: string) => void) | undefined;
}

/** A fresh client transport for one connection attempt to `config`'s server. */
export function createUpstreamTransport(config: McpServerConfig, options: UpstreamTransportOptions = {}): Transport {
  if (config.transport === 'stdio') {
    return new ExplicitEnvStdioTransport({
      command: config.command,
      args: config.args,
      env: stdioEnvironment(config.env),
      cwd: config.cwd,
      onStderr: options.onStderr,
    });
  }
  const url = new URL(config.url);
  const requestInit: RequestInit = { headers: staticUpstreamHeaders(config) };
  const fetch = createContextualFetch();
  if (config.transport === 'sse') return new SSEClientTransport(url, { requestInit, fetch });
  return new StreamableHTTPClientTransport(url, {
    requestInit,
    fetch,
    // The bridge reconnects itself (a new session on the next use); the transport only retries its GET stream briefly.
    reconnectionOptions: {
      initialReconnectionDelay: 500,
      maxReconnectionDelay: 5000,
      reconnectionDelayGrowFactor: 2,
      maxRetries: 2,
    },
  });
}
