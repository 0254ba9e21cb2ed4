import { describe, expect, it } from 'vitest';
import { headerServers, requestAccess } from './request-access.js';

const configured = ['everything', 'memory'];

describe('requestAccess', () => {
  it('narrows an unrestricted key to the path server and the header', () => {
    expect(requestAccess(configured, {}, 'memory', undefined)).toEqual({ ok: true, access: { allowedServers: ['memory'], allowedTools: undefined } });
    const both = requestAccess(configured, {}, undefined, ['memory', 'everything']);
    expect(both.ok && both.access.allowedServers).toEqual(['memory', 'everything']);
  });

  it('refuses a server the key lacks and names unknown ones', () => {
    const memOnly = { allowedServers: ['memory'] };
    expect(requestAccess(configured, memOnly, 'everything', undefined)).toMatchObject({ ok: false, status: 403 });
    expect(requestAccess(configured, memOnly, undefined, ['everything'])).toMatchObject({ ok: false, status: 403 });
    expect(requestAccess(configured, {}, 'nowhere', undefined)).toMatchObject({ ok: false, status: 404 });
    expect(requestAccess(configured, memOnly, 'nowhere', undefined)).toMatchObject({ ok: false, status: 403 });
  });

  it('reads x-mcp-servers', () => {
    expect(headerServers({ 'x-mcp-servers': ' a, b ,,' })).toEqual(['a', 'b']);
    expect(headerServers({})).toBeUndefined();
  });
});
