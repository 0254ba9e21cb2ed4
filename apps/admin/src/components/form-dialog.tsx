import { useState, type FormEvent, type ReactNode } from 'react';
import { ActionButton } from './action-button';
import { Dialog } from './dialog';

interface FormDialogProps<T> {
  title: string;
  open: boolean;
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  /** Turns the form's fields into the API input; a thrown message is shown as the form's error. */
  read: (form: FormData) => T;
  onSubmit: (value: T) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form: its fields, an error announced as an alert, Cancel, and a submit button showing progress. */
export function FormDialog<T>({ title, open, pending, submitLabel, pendingLabel = 'Saving…', read, onSubmit, onClose, children }: FormDialogProps<T>) {
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    try {
      setError(undefined);
      onSubmit(read(new FormData(event.currentTarget)));
    } catch (thrown) {
      setError((thrown as Error).message);
    }
  }
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {children}
        {error !== undefined && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <ActionButton type="submit" tone="primary" pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </ActionButton>
        </div>
      </form>
    </Dialog>
  );
}
