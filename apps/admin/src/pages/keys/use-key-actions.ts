import { useState } from 'react';
import { deleteKey, generateKey, regenerateKey, setKeyBlocked, updateKey, type GeneratedKey, type KeyLimits, type KeyRow } from '../../api/keys-api';
import { useApi } from '../../api/session-context';
import { useApiMutation } from '../../components/use-api-mutation';
import { keyName } from './keys-table';

export type KeyDialog = { kind: 'create' } | { kind: 'edit' | 'delete' | 'regenerate'; key: KeyRow } | undefined;

/** The key page's writes and which dialog is open. */
export function useKeyActions() {
  const api = useApi();
  const [dialog, setDialog] = useState<KeyDialog>();
  const [generated, setGenerated] = useState<GeneratedKey | undefined>();
  const close = () => setDialog(undefined);
  const invalidate = ['keys'];
  const create = useApiMutation({
    run: (limits: KeyLimits) => generateKey(api, limits),
    invalidate,
    onSuccess: (key) => {
      close();
      setGenerated(key);
    },
  });
  const update = useApiMutation({
    run: ({ key, limits }: { key: KeyRow; limits: KeyLimits }) => updateKey(api, key.token, limits),
    success: (_, { key }) => `Saved ${keyName(key)}.`,
    invalidate,
    onSuccess: close,
  });
  const block = useApiMutation({
    run: ({ key, blocked }: { key: KeyRow; blocked: boolean }) => setKeyBlocked(api, key.token, blocked),
    success: (_, { key, blocked }) => `${keyName(key)} ${blocked ? 'blocked: its requests are refused' : 'unblocked'}.`,
    invalidate,
  });
  const regenerate = useApiMutation({
    run: (key: KeyRow) => regenerateKey(api, key.token),
    invalidate,
    onSuccess: (key) => {
      close();
      setGenerated(key);
    },
  });
  const remove = useApiMutation({
    run: (key: KeyRow) => deleteKey(api, key.token),
    success: (_, key) => `Deleted ${keyName(key)}.`,
    invalidate,
    onSuccess: close,
  });
  return { dialog, setDialog, close, generated, setGenerated, create, update, block, regenerate, remove };
}
