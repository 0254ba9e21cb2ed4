import type { LogRow } from '../../api/logs-api';
import { formatCount, formatDuration, formatTime, formatUsd } from '../../lib/format';
import { DataTable, RowButton } from '../../components/data-table';

interface LogsTableProps {
  logs: readonly LogRow[];
  keyName: (hash: string | undefined) => string;
  onOpen: (log: LogRow) => void;
}

/** The request logs, newest first as the gateway sends them; each row opens its details. */
export function LogsTable({ logs, keyName, onOpen }: LogsTableProps) {
  return (
    <DataTable caption="Request logs" columns={['Time', 'Status', 'Model', 'Key', 'Tokens', 'Cost', 'Latency']} actions>
      {logs.map((log) => (
        <tr key={log.requestId}>
          <th scope="row" data-label="Time">
            {formatTime(log.startTime)}
          </th>
          <td data-label="Status">
            <span className={`badge badge-${log.status === 'failure' ? 'bad' : 'good'}`}>{log.status === 'failure' ? 'Failed' : 'OK'}</span>
          </td>
          <td data-label="Model">{log.modelGroup ?? log.model ?? '—'}</td>
          <td data-label="Key">{keyName(log.keyHash)}</td>
          <td data-label="Tokens">{formatCount(log.totalTokens)}</td>
          <td data-label="Cost">{formatUsd(log.spend)}</td>
          <td data-label="Latency">{formatDuration(log.latencyMs)}</td>
          <td data-label="Details" className="row-actions">
            <RowButton label="Details" name={`of request ${log.requestId}`} onClick={() => onOpen(log)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
