import { describe, expect, it } from 'vitest';
import { authHeaders, forwardedClientHeaders } from './upstream-headers.js';

describe('authHeaders', () => {
  it.each([
    ['api_key', { 'X-API-Key': 's3cret' }],
    ['bearer_token', { Authorization: 'Bearer s3cret' }],
    ['basic', { Authorization: `Basic ${Buffer.from('s3cret').toString('base64')}` }],
    ['token', { Authorization: 'token s3cret' }],
    ['authorization', { Authorization: 's3cret' }],
    ['none', {}],
  ] as const)('%s', (type, expected) => {
    expect(authHeaders({ auth_type: type, auth_value: 's3cret' })).toEqual(expected);
  });

  it('encodes user:password for basic', () => {
    expect(authHeaders({ auth_type: 'basic', auth_value: 'user:pass' })).toEqual({ Authorization: 'Basic dXNlcjpwYXNz' });
  });
});

describe('forwardedClientHeaders', () => {
  const client = {
    'X-Tenant': 'acme',
    authorization: 'Bearer sk-gateway-key',
    'x-mcp-github-authorization': 'Bearer gh-token',
    'x-mcp-other-authorization': 'Bearer not-for-github',
    'x-mcp-github-mcp-session-id': 'hijack',
    host: 'evil.example.com',
  };

  it('forwards listed headers and the per-server convention, never the gateway key', () => {
    expect(forwardedClientHeaders('github', ['x-tenant', 'Authorization', 'Host'], client)).toEqual({
      'x-tenant': 'acme',
      authorization: 'Bearer gh-token',
    });
    expect(forwardedClientHeaders('memory', undefined, client)).toEqual({});
  });
});
