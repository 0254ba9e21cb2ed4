import { Field, SelectField } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';

interface ServiceDialogProps<T> {
  kind: 'mcp' | 'agent';
  open: boolean;
  pending: boolean;
  read: (form: FormData) => T;
  onSubmit: (input: T) => void;
  onClose: () => void;
}

const transports = [
  { value: 'http', label: 'Streamable HTTP' },
  { value: 'sse', label: 'SSE (legacy)' },
];

/** Add an MCP server (HTTP or SSE) or an A2A agent, with an optional credential header that is never shown again. */
export function ServiceDialog<T>({ kind, open, pending, read, onSubmit, onClose }: ServiceDialogProps<T>) {
  return (
    <FormDialog
      title={kind === 'mcp' ? 'Add an MCP server' : 'Add an agent'}
      open={open}
      pending={pending}
      submitLabel={kind === 'mcp' ? 'Add server' : 'Add agent'}
      pendingLabel="Adding…"
      read={read}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Field label="Name" name="name" required hint={kind === 'mcp' ? 'Tools appear as <name>-<tool>.' : 'Reached at /a2a/<name>/.'} />
      <Field label="URL" name="url" type="url" required placeholder={kind === 'mcp' ? 'https://mcp.example.com/mcp' : 'https://agent.example.com/'} />
      {kind === 'mcp' && <SelectField label="Transport" name="transport" options={transports} defaultValue="http" />}
      <Field label="Description" name="description" />
      <div className="field-row">
        <Field label="Credential header name" name="header_name" placeholder="authorization" />
        <Field label="Credential header value" name="header_value" type="password" autoComplete="new-password" hint="Write-only: stored, never shown." />
      </div>
    </FormDialog>
  );
}
