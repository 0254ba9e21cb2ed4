import { describe, expect, it } from 'vitest';
import { keyRow } from '../../api/keys-api';
import { changedAccess, hasAccess, permissionAfter } from './access-change';

const open = keyRow({ token: 'a' });
const listed = keyRow({ token: 'b', object_permission: { mcp_servers: ['github'], agents: ['echo'] } });

describe('access changes', () => {
  it('a key without a list may use everything', () => {
    expect([hasAccess(open, 'mcp_servers', 'any'), hasAccess(listed, 'mcp_servers', 'github'), hasAccess(listed, 'mcp_servers', 'jira')]).toEqual([true, true, false]);
  });

  it('revoking from an open key lists every other known name; granting adds to a list', () => {
    expect(changedAccess(open, 'mcp_servers', 'github', false, ['github', 'jira'])).toEqual(['jira']);
    expect(changedAccess(open, 'mcp_servers', 'github', true, ['github'])).toBeUndefined();
    expect(changedAccess(listed, 'mcp_servers', 'jira', true, [])).toEqual(['github', 'jira']);
    expect(changedAccess(listed, 'mcp_servers', 'github', false, [])).toEqual([]);
  });

  it("keeps the other kind's list in the permission sent", () => {
    expect(permissionAfter(listed, 'mcp_servers', ['jira'])).toEqual({ agents: ['echo'], mcp_servers: ['jira'] });
    expect(permissionAfter(open, 'agents', ['echo'])).toEqual({ agents: ['echo'] });
  });
});
