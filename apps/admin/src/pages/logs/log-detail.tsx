import type { LogRow } from '../../api/logs-api';
import { Dialog } from '../../components/dialog';
import { formatCount, formatDuration, formatTime, formatUsd } from '../../lib/format';

function Body({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="log-body">
      <h3>{title}</h3>
      <pre>{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** One request: who, which model, tokens, cost, latency, time to first token, error, and bodies when logged. */
export function LogDetail({ log, keyName, onClose }: { log: LogRow | undefined; keyName: (hash: string | undefined) => string; onClose: () => void }) {
  const facts: Array<[string, string]> =
    log === undefined
      ? []
      : [
          ['Request id', log.requestId],
          ['Time', formatTime(log.startTime)],
          ['Status', log.status === 'failure' ? 'Failed' : log.status === 'success' ? 'Succeeded' : '—'],
          ['Key', keyName(log.keyHash)],
          ['Model', log.modelGroup ?? log.model ?? '—'],
          ['Provider model', [log.provider, log.model].filter(Boolean).join(' · ') || '—'],
          ['Team', log.teamId ?? '—'],
          ['User', log.userId ?? '—'],
          ['Prompt tokens', formatCount(log.promptTokens)],
          ['Completion tokens', formatCount(log.completionTokens)],
          ['Total tokens', formatCount(log.totalTokens)],
          ['Cost', formatUsd(log.spend)],
          ['Latency', formatDuration(log.latencyMs)],
          ['Time to first token', formatDuration(log.timeToFirstTokenMs)],
        ];
  return (
    <Dialog open={log !== undefined} title="Request details" onClose={onClose}>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {log?.error !== undefined && (
        <div className="state state-error">
          <h3>Error</h3>
          <p>{log.error}</p>
        </div>
      )}
      {log !== undefined && log.messages === undefined && log.response === undefined && <p className="hint">Message bodies are not logged on this gateway.</p>}
      {log?.messages !== undefined && <Body title="Messages" value={log.messages} />}
      {log?.response !== undefined && <Body title="Response" value={log.response} />}
    </Dialog>
  );
}
