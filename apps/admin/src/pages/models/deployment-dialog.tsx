import type { DeploymentInput, DeploymentRow } from '../../api/models-api';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { deploymentInputFrom } from './deployment-form-values';

interface DeploymentDialogProps {
  open: boolean;
  initial: DeploymentRow | undefined;
  pending: boolean;
  onSubmit: (input: DeploymentInput) => void;
  onClose: () => void;
}

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** Add or edit a stored deployment. The API key field starts empty: stored secrets are never sent back. */
export function DeploymentDialog({ open, initial, pending, onSubmit, onClose }: DeploymentDialogProps) {
  return (
    <FormDialog
      title={initial === undefined ? 'Add a deployment' : `Edit ${initial.modelName}`}
      open={open}
      pending={pending}
      submitLabel={initial === undefined ? 'Add deployment' : 'Save changes'}
      read={deploymentInputFrom}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Field label="Public model name" name="model_name" required defaultValue={initial?.modelName ?? ''} hint="What clients send as “model”; several deployments may share it (load balancing)." />
      <Field label="Provider model" name="model" required placeholder="openai/gpt-4o-mini" defaultValue={initial?.model ?? ''} />
      <Field label="API base URL" name="api_base" type="url" placeholder="https://api.openai.com/v1" defaultValue={initial?.apiBase ?? ''} />
      <Field
        label="API key"
        name="api_key"
        type="password"
        autoComplete="new-password"
        hint={initial === undefined ? 'Stored encrypted; never shown again.' : 'Leave empty to keep the stored key. Stored keys are never shown.'}
      />
      <div className="field-row">
        <Field label="Requests per minute" name="rpm" inputMode="numeric" defaultValue={numberText(initial?.rpm)} />
        <Field label="Tokens per minute" name="tpm" inputMode="numeric" defaultValue={numberText(initial?.tpm)} />
      </div>
    </FormDialog>
  );
}
