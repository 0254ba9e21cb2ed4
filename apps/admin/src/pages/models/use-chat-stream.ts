import { useRef, useState } from 'react';
import { messageOf } from '../../api/api-error';
import { streamChat, type ChatTurn } from '../../api/chat-stream';
import { useApi } from '../../api/session-context';

export interface ChatStats {
  timeToFirstTokenMs: number | undefined;
  totalMs: number;
  promptTokens: number | undefined;
  completionTokens: number | undefined;
}

/** A conversation streamed through the gateway: the turns so far, the answer growing, stop, and stats of the last turn. */
export function useChatStream() {
  const api = useApi();
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [answer, setAnswer] = useState('');
  const [streaming, setStreaming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [stats, setStats] = useState<ChatStats | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);

  async function send(model: string, text: string, system: string | undefined): Promise<void> {
    const history: ChatTurn[] = [...turns, { role: 'user', content: text }];
    const messages: ChatTurn[] = system === undefined ? history : [{ role: 'system', content: system }, ...history];
    setTurns(history);
    setAnswer('');
    setError(undefined);
    setStats(undefined);
    setStreaming(true);
    abort.current = new AbortController();
    const started = performance.now();
    let firstToken: number | undefined;
    let collected = '';
    let usage: { prompt_tokens?: number; completion_tokens?: number } | undefined;
    try {
      await streamChat(api, model, messages, {
        onText(delta) {
          firstToken ??= performance.now() - started;
          collected += delta;
          setAnswer(collected);
        },
        onUsage(value) {
          usage = value;
        },
      }, abort.current.signal);
      setStats({ timeToFirstTokenMs: firstToken, totalMs: performance.now() - started, promptTokens: usage?.prompt_tokens, completionTokens: usage?.completion_tokens });
    } catch (thrown) {
      if (!(thrown instanceof DOMException && thrown.name === 'AbortError')) setError(messageOf(thrown));
    } finally {
      setTurns([...history, { role: 'assistant', content: collected }]);
      setAnswer('');
      setStreaming(false);
    }
  }

  return {
    turns,
    answer,
    streaming,
    error,
    stats,
    send,
    stop: () => abort.current?.abort(),
    reset: () => {
      setTurns([]);
      setStats(undefined);
      setError(undefined);
    },
  };
}
