import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { McpAccess } from '../bridge/mcp-access.js';

export interface McpSession {
  transport: StreamableHTTPServerTransport;
  server: Server;
  access: McpAccess;
  fingerprint: string;
  lastUsed: number;
}

/**
 * Open downstream sessions by `mcp-session-id`: closed after `idleMs` unused, and the least recently used one is
 * closed when `maxSessions` are open and another starts. `onClose` runs once per closed session.
 */
export class McpSessionStore {
  readonly #sessions = new Map<string, McpSession>();
  readonly #maxSessions: number;
  readonly #onClose: (id: string) => Promise<void>;
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(options: { idleMs: number; maxSessions: number; onClose: (id: string) => Promise<void> }) {
    this.#maxSessions = options.maxSessions;
    this.#onClose = options.onClose;
    this.#sweep = setInterval(() => {
      const cutoff = Date.now() - options.idleMs;
      for (const [id, session] of this.#sessions) if (session.lastUsed < cutoff) void this.close(id);
    }, Math.max(10, Math.min(options.idleMs / 4, 60_000)));
    this.#sweep.unref();
  }

  get size(): number {
    return this.#sessions.size;
  }

  values(): IterableIterator<McpSession> {
    return this.#sessions.values();
  }

  get(id: string): McpSession | undefined {
    return this.#sessions.get(id);
  }

  /** Makes room for one more session by closing the least recently used one when full. */
  async reserve(): Promise<void> {
    if (this.#sessions.size < this.#maxSessions) return;
    const oldest = [...this.#sessions].sort(([, a], [, b]) => a.lastUsed - b.lastUsed)[0];
    if (oldest) await this.close(oldest[0]);
  }

  add(id: string, session: McpSession): void {
    this.#sessions.set(id, session);
  }

  async close(id: string): Promise<void> {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.#sessions.delete(id);
    await this.#onClose(id);
    await session.server.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.#sweep);
    await Promise.all([...this.#sessions.keys()].map((id) => this.close(id)));
  }
}
