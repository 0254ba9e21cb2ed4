import { useState } from 'react';

/** Copies `text` to the clipboard and says so (or says to copy by hand when the browser refuses). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" className="visually-hidden-unless-failed">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'The browser refused the clipboard: select the text and copy it.' : ''}
      </span>
    </>
  );
}
