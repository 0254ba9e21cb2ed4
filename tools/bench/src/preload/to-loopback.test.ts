import { describe, expect, it } from 'vitest';
import { toLoopback } from './to-loopback.js';

describe('toLoopback', () => {
  const callback = () => {};

  it('adds 127.0.0.1 to a bare port, keeping the callback', () => {
    expect(toLoopback([8787, callback])).toEqual([8787, '127.0.0.1', callback]);
  });

  it('replaces an undefined or wildcard host (what @hono/node-server passes)', () => {
    expect(toLoopback([8787, undefined, callback])).toEqual([8787, '127.0.0.1', callback]);
    expect(toLoopback(['8787', '0.0.0.0'])).toEqual(['8787', '127.0.0.1']);
  });

  it('inserts the host before a backlog', () => {
    expect(toLoopback([8787, 511, callback])).toEqual([8787, '127.0.0.1', 511, callback]);
  });

  it('sets host in an options object and leaves unix sockets alone', () => {
    expect(toLoopback([{ port: 1, host: '::' }])).toEqual([{ port: 1, host: '127.0.0.1' }]);
    expect(toLoopback([{ path: '/tmp/x.sock' }])).toEqual([{ path: '/tmp/x.sock' }]);
  });
});
