import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listKeys, type KeyRow } from '../../api/keys-api';
import { useApi } from '../../api/session-context';
import { listTeams } from '../../api/teams-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { KeyFormDialog } from './key-form-dialog';
import { KeySecretDialog } from './key-secret-dialog';
import { keyName, KeysTable, type KeyAction } from './keys-table';
import { useKeyActions } from './use-key-actions';

const pageSize = 25;

/** Virtual keys: create (shown once), spend against budget, edit limits and models, regenerate, block, delete. */
export default function KeysPage() {
  const api = useApi();
  const [page, setPage] = useState(1);
  const keys = useQuery({ queryKey: ['keys', page], queryFn: () => listKeys(api, { page, size: pageSize }), refetchInterval: 15_000 });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => listTeams(api) });
  const actions = useKeyActions();
  const { dialog, setDialog, close } = actions;
  const teamName = (teamId: string) => teams.data?.find((team) => team.id === teamId)?.alias ?? teamId;
  function onAction(action: KeyAction, key: KeyRow): void {
    if (action === 'block' || action === 'unblock') actions.block.mutate({ key, blocked: action === 'block' });
    else setDialog({ kind: action, key });
  }
  const create = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
      Create key
    </button>
  );
  return (
    <Page title="Keys" actions={create}>
      <QueryView query={keys} label="keys" isEmpty={(data) => data.keys.length === 0} empty={<p>No keys yet. Create one to hand to an application or a person.</p>}>
        {(data) => (
          <>
            <p className="summary">{data.total === 1 ? '1 key' : `${data.total} keys`}</p>
            <KeysTable keys={data.keys} teamName={teamName} onAction={onAction} />
            <Pager page={page} pages={data.pages} onPage={setPage} label="Key" />
          </>
        )}
      </QueryView>
      <KeyFormDialog
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        initial={dialog?.kind === 'edit' ? dialog.key : undefined}
        pending={actions.create.isPending || actions.update.isPending}
        onSubmit={(limits) => (dialog?.kind === 'edit' ? actions.update.mutate({ key: dialog.key, limits }) : actions.create.mutate(limits))}
        onClose={close}
      />
      <ConfirmDialog
        open={dialog?.kind === 'regenerate'}
        title="Regenerate this key?"
        confirmLabel="Regenerate"
        pendingLabel="Regenerating…"
        pending={actions.regenerate.isPending}
        onConfirm={() => dialog?.kind === 'regenerate' && actions.regenerate.mutate(dialog.key)}
        onClose={close}
      >
        The current value of {dialog?.kind === 'regenerate' ? keyName(dialog.key) : 'the key'} stops working at once; its limits and spend stay.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title="Delete this key?"
        confirmLabel="Delete key"
        pendingLabel="Deleting…"
        pending={actions.remove.isPending}
        onConfirm={() => dialog?.kind === 'delete' && actions.remove.mutate(dialog.key)}
        onClose={close}
      >
        {dialog?.kind === 'delete' ? keyName(dialog.key) : 'The key'} stops working at once. Its spend history stays in the logs.
      </ConfirmDialog>
      <KeySecretDialog generated={actions.generated} onClose={() => actions.setGenerated(undefined)} />
    </Page>
  );
}
