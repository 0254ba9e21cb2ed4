import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface ActionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  pending: boolean;
  /** Shown while the action runs ("Creating…"). */
  pendingLabel: string;
  children: ReactNode;
  tone?: 'primary' | 'danger' | 'plain';
}

/** A button that shows progress and cannot be pressed twice while its action runs. */
export function ActionButton({ pending, pendingLabel, children, tone = 'plain', type = 'button', ...rest }: ActionButtonProps) {
  return (
    <button {...rest} type={type} className={`button button-${tone}`} disabled={pending || rest.disabled === true} aria-busy={pending}>
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" /> {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
