import type { KeyLimits, KeyRow } from '../../api/keys-api';
import { FormDialog } from '../../components/form-dialog';
import { KeyFormFields } from './key-form';
import { keyLimitsFrom } from './key-form-values';

interface KeyFormDialogProps {
  open: boolean;
  /** The key being edited; none to create one. */
  initial: KeyRow | undefined;
  pending: boolean;
  onSubmit: (limits: KeyLimits) => void;
  onClose: () => void;
}

/** Create or edit a key: limits, budget, allowed models, team, access to MCP servers and agents. */
export function KeyFormDialog({ open, initial, pending, onSubmit, onClose }: KeyFormDialogProps) {
  const mode = initial === undefined ? 'create' : 'update';
  return (
    <FormDialog
      title={initial === undefined ? 'Create a key' : `Edit ${initial.alias ?? initial.hint ?? 'key'}`}
      open={open}
      pending={pending}
      submitLabel={mode === 'create' ? 'Create key' : 'Save changes'}
      pendingLabel={mode === 'create' ? 'Creating…' : 'Saving…'}
      read={(form) => keyLimitsFrom(form, mode)}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <KeyFormFields mode={mode} {...(initial === undefined ? {} : { initial })} />
    </FormDialog>
  );
}
