import type { McpBridge, McpCallOptions } from '../bridge/mcp-bridge.js';
import { setResourceSubscription } from '../bridge/prompts-and-resources.js';

/**
 * Resource subscriptions of many downstream sessions over one shared upstream connection: the upstream is
 * subscribed when the first session subscribes to a URI and unsubscribed when the last one leaves.
 */
export class ResourceSubscriptions {
  readonly #bridge: McpBridge;
  readonly #holders = new Map<string, Set<string>>();

  constructor(bridge: McpBridge) {
    this.#bridge = bridge;
  }

  async subscribe(sessionId: string, uri: string, options: McpCallOptions): Promise<void> {
    const holders = this.#holders.get(uri);
    if (holders) {
      holders.add(sessionId);
      return;
    }
    await setResourceSubscription(this.#bridge, uri, true, options);
    const added = this.#holders.get(uri) ?? new Set<string>();
    added.add(sessionId);
    this.#holders.set(uri, added);
  }

  async unsubscribe(sessionId: string, uri: string): Promise<void> {
    const holders = this.#holders.get(uri);
    if (!holders?.delete(sessionId) || holders.size > 0) return;
    this.#holders.delete(uri);
    await setResourceSubscription(this.#bridge, uri, false).catch(() => undefined);
  }

  /** The sessions to notify when `uri` changes. */
  holders(uri: string): ReadonlySet<string> {
    return this.#holders.get(uri) ?? new Set();
  }

  async dropSession(sessionId: string): Promise<void> {
    const held = [...this.#holders].filter(([, sessions]) => sessions.has(sessionId)).map(([uri]) => uri);
    await Promise.all(held.map((uri) => this.unsubscribe(sessionId, uri)));
  }
}
