import { useId, useState, type FormEvent } from 'react';
import { formatCount, formatDuration } from '../../lib/format';
import { SelectField } from '../../components/field';
import { useChatStream } from './use-chat-stream';

/** Streams a chat through a chosen model with the signed-in key, as an application would call the gateway. */
export function Playground({ models }: { models: readonly string[] }) {
  const chat = useChatStream();
  const [model, setModel] = useState(models[0] ?? '');
  const messageId = useId();
  const systemId = useId();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get('message') ?? '').trim();
    const system = String(data.get('system') ?? '').trim();
    if (text === '' || model === '') return;
    (form.elements.namedItem('message') as HTMLTextAreaElement).value = '';
    void chat.send(model, text, system === '' ? undefined : system);
  }
  if (models.length === 0) return <p className="state state-empty">No models to try: add a deployment first.</p>;
  return (
    <div className="playground">
      <form className="form" onSubmit={submit}>
        <div className="field-row">
          <SelectField label="Model" name="model" options={models.map((name) => ({ value: name, label: name }))} value={model} onChange={setModel} />
          <div className="field">
            <label htmlFor={systemId}>System prompt (optional)</label>
            <input id={systemId} name="system" />
          </div>
        </div>
        <div className="transcript" role="log" aria-live="polite" aria-busy={chat.streaming} aria-label="Conversation">
          {chat.turns.length === 0 && !chat.streaming && <p className="hint">Send a message to stream an answer through the gateway.</p>}
          {chat.turns.map((turn, index) => (
            <p key={index} className={`turn turn-${turn.role}`}>
              <strong>{turn.role === 'user' ? 'You' : 'Model'}:</strong> {turn.content}
            </p>
          ))}
          {chat.streaming && (
            <p className="turn turn-assistant">
              <strong>Model:</strong> {chat.answer}
              <span className="cursor" aria-hidden="true">▍</span>
            </p>
          )}
        </div>
        {chat.error !== undefined && (
          <p role="alert" className="form-error">
            {chat.error}
          </p>
        )}
        {chat.stats !== undefined && (
          <p className="hint" data-testid="chat-stats">
            First token after {formatDuration(chat.stats.timeToFirstTokenMs)}, done in {formatDuration(chat.stats.totalMs)}
            {chat.stats.completionTokens !== undefined && `, ${formatCount(chat.stats.promptTokens)} prompt + ${formatCount(chat.stats.completionTokens)} completion tokens`}.
          </p>
        )}
        <div className="field">
          <label htmlFor={messageId}>Message</label>
          <textarea id={messageId} name="message" rows={3} required disabled={chat.streaming} />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={chat.reset} disabled={chat.streaming || chat.turns.length === 0}>
            Clear
          </button>
          {chat.streaming ? (
            <button type="button" className="button button-danger" onClick={chat.stop}>
              Stop
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              Send
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
