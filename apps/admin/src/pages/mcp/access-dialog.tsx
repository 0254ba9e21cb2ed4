import { useQuery } from '@tanstack/react-query';
import { listKeys, updateKey, type KeyRow } from '../../api/keys-api';
import { useApi } from '../../api/session-context';
import { Dialog } from '../../components/dialog';
import { QueryView } from '../../components/query-view';
import { useApiMutation } from '../../components/use-api-mutation';
import { changedAccess, hasAccess, permissionAfter, type AccessKind } from './access-change';

interface AccessDialogProps {
  kind: AccessKind;
  /** The server or agent whose access is edited; undefined while closed. */
  name: string | undefined;
  known: readonly string[];
  onClose: () => void;
}

/** Which keys may use one MCP server or agent; each switch writes that key's object_permission at once. */
export function AccessDialog({ kind, name, known, onClose }: AccessDialogProps) {
  const api = useApi();
  const keys = useQuery({ queryKey: ['keys', 'all'], queryFn: () => listKeys(api, { page: 1, size: 100 }), enabled: name !== undefined });
  const change = useApiMutation({
    run: ({ key, grant }: { key: KeyRow; grant: boolean }) => {
      const list = changedAccess(key, kind, name ?? '', grant, known);
      return updateKey(api, key.token, { object_permission: permissionAfter(key, kind, list) });
    },
    success: (_, { key, grant }) => `${key.alias ?? 'The key'} ${grant ? 'may now use' : 'may no longer use'} ${name ?? ''}.`,
    invalidate: ['keys'],
  });
  const what = kind === 'mcp_servers' ? 'MCP server' : 'agent';
  return (
    <Dialog open={name !== undefined} title={`Keys that may use ${name ?? ''}`} onClose={onClose}>
      <p className="hint">A key without a list may use every {what}. Unticking such a key gives it a list of every other {what}.</p>
      <QueryView query={keys} label="keys" isEmpty={(data) => data.keys.length === 0} empty={<p>No keys yet.</p>}>
        {(data) => (
          <ul className="access-list">
            {data.keys.map((key) => (
              <li key={key.token}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={hasAccess(key, kind, name ?? '')}
                    disabled={change.isPending}
                    onChange={(event) => change.mutate({ key, grant: event.target.checked })}
                  />{' '}
                  {key.alias ?? key.hint ?? key.token.slice(0, 12)}
                </label>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Dialog>
  );
}
