import { useQuery } from '@tanstack/react-query';
import { listDeployments, modelNames } from '../../api/models-api';
import { useApi } from '../../api/session-context';
import { userRoles, type TeamRow, type UserRow } from '../../api/teams-api';
import { Field, NamePicker, SelectField } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { durationPattern } from '../keys/key-form-values';

interface EntityDialogProps<T, Initial> {
  open: boolean;
  initial: Initial | undefined;
  pending: boolean;
  onSubmit: (value: T) => void;
  onClose: () => void;
}

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

export function TeamFormDialog<T>({ open, initial, pending, onSubmit, onClose, read }: EntityDialogProps<T, TeamRow> & { read: (form: FormData) => T }) {
  const api = useApi();
  const models = useQuery({ queryKey: ['models'], queryFn: () => listDeployments(api) });
  return (
    <FormDialog title={initial === undefined ? 'Create a team' : `Edit ${initial.alias ?? initial.id}`} open={open} pending={pending} submitLabel={initial === undefined ? 'Create team' : 'Save changes'} read={read} onSubmit={onSubmit} onClose={onClose}>
      <Field label="Team name" name="team_alias" required defaultValue={initial?.alias ?? ''} />
      <div className="field-row">
        <Field label="Max budget (USD)" name="max_budget" inputMode="decimal" defaultValue={numberText(initial?.maxBudget)} />
        <Field label="Budget period" name="budget_duration" pattern={durationPattern} placeholder="30d" defaultValue={initial?.budgetDuration ?? ''} />
      </div>
      <div className="field-row">
        <Field label="Requests per minute" name="rpm_limit" inputMode="numeric" defaultValue={numberText(initial?.rpmLimit)} />
        <Field label="Tokens per minute" name="tpm_limit" inputMode="numeric" defaultValue={numberText(initial?.tpmLimit)} />
      </div>
      <NamePicker legend="Allowed models" name="models" known={models.data === undefined ? [] : modelNames(models.data)} selected={initial?.models ?? []} hint="None checked: every model." />
    </FormDialog>
  );
}

export function UserFormDialog<T>({ open, initial, pending, onSubmit, onClose, read }: EntityDialogProps<T, UserRow> & { read: (form: FormData) => T }) {
  const roles = userRoles.map((role) => ({ value: role, label: role }));
  return (
    <FormDialog title={initial === undefined ? 'Add a user' : `Edit ${initial.email ?? initial.id}`} open={open} pending={pending} submitLabel={initial === undefined ? 'Add user' : 'Save changes'} read={read} onSubmit={onSubmit} onClose={onClose}>
      {initial === undefined && <Field label="User id" name="user_id" hint="Empty: the gateway picks one." />}
      <Field label="Email" name="user_email" type="email" defaultValue={initial?.email ?? ''} />
      <SelectField label="Role" name="user_role" options={roles} defaultValue={initial?.role ?? 'internal_user'} />
      <Field label="Max budget (USD)" name="max_budget" inputMode="decimal" defaultValue={numberText(initial?.maxBudget)} />
    </FormDialog>
  );
}
