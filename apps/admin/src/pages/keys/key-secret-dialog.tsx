import type { GeneratedKey } from '../../api/keys-api';
import { CopyButton } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';

/** The new key, shown this one time only, with a copy button. */
export function KeySecretDialog({ generated, onClose }: { generated: GeneratedKey | undefined; onClose: () => void }) {
  return (
    <Dialog open={generated !== undefined} title="Save this key now" onClose={onClose}>
      <p>
        This is the only time the key is shown{generated?.alias === undefined ? '' : ` for “${generated.alias}”`}. Store it somewhere safe: the gateway keeps
        only its hash.
      </p>
      <div className="secret">
        <code data-testid="new-key">{generated?.key}</code>
        <CopyButton text={generated?.key ?? ''} label="Copy key" />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          I have saved it
        </button>
      </div>
    </Dialog>
  );
}
