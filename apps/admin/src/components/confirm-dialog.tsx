import type { ReactNode } from 'react';
import { ActionButton } from './action-button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for destructive actions, with progress on the confirming button. */
export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, pending, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="confirm-text">{children}</div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <ActionButton tone="danger" pending={pending} pendingLabel={pendingLabel} onClick={onConfirm}>
          {confirmLabel}
        </ActionButton>
      </div>
    </Dialog>
  );
}
