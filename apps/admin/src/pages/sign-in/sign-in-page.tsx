import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/api-error';
import { useSession } from '../../api/session-context';
import { ActionButton } from '../../components/action-button';
import { Field } from '../../components/field';

/** Sign in with the master key or a proxy_admin user's key; the key is kept in this tab's sessionStorage only. */
export function SignInPage() {
  const { signIn, notice } = useSession();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const key = String(new FormData(event.currentTarget).get('key') ?? '').trim();
    if (key === '') return setError('Enter a key.');
    setPending(true);
    setError(undefined);
    try {
      await signIn(key);
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setPending(false);
    }
  }
  return (
    <main className="sign-in" id="main">
      <form className="card sign-in-card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Switchyard console</h1>
        <p>Sign in with the gateway’s master key or an admin user’s key.</p>
        {notice !== undefined && <p className="state state-error">{notice}</p>}
        <Field label="Admin key" name="key" type="password" autoComplete="off" required autoFocus placeholder="sk-…" hint="Kept in this browser tab only, until you sign out or close it." />
        {error !== undefined && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <ActionButton type="submit" tone="primary" pending={pending} pendingLabel="Checking key…">
          Sign in
        </ActionButton>
      </form>
    </main>
  );
}
