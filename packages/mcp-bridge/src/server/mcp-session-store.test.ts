import { afterEach, describe, expect, it, vi } from 'vitest';
import { McpSessionStore, type McpSession } from './mcp-session-store.js';

function fakeSession(lastUsed: number): McpSession & { closed: boolean } {
  const session = { closed: false, lastUsed, access: {}, fingerprint: '', transport: {} } as unknown as McpSession & {
    closed: boolean;
  };
  (session as { server: unknown }).server = { close: async () => void (session.closed = true) };
  return session;
}

afterEach(() => void vi.useRealTimers());

describe('McpSessionStore', () => {
  it('closes the least recently used session to make room', async () => {
    const closedIds: string[] = [];
    const store = new McpSessionStore({ idleMs: 60_000, maxSessions: 2, onClose: async (id) => void closedIds.push(id) });
    const [a, b] = [fakeSession(2), fakeSession(1)];
    store.add('a', a);
    store.add('b', b);
    await store.reserve();
    expect(closedIds).toEqual(['b']);
    expect(b.closed).toBe(true);
    expect(store.size).toBe(1);
    await store.closeAll();
    expect(a.closed).toBe(true);
  });

  it('closes sessions left unused past the idle timeout', async () => {
    vi.useFakeTimers();
    const store = new McpSessionStore({ idleMs: 1000, maxSessions: 10, onClose: async () => undefined });
    const idle = fakeSession(Date.now());
    const busy = fakeSession(Date.now());
    store.add('idle', idle);
    store.add('busy', busy);
    await vi.advanceTimersByTimeAsync(600);
    busy.lastUsed = Date.now();
    await vi.advanceTimersByTimeAsync(700);
    expect(idle.closed).toBe(true);
    expect(busy.closed).toBe(false);
    await store.closeAll();
  });
});
