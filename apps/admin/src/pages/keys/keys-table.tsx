import type { KeyRow } from '../../api/keys-api';
import { BudgetMeter } from '../../components/budget-meter';
import { formatCount, formatTime } from '../../lib/format';
import { DataTable, RowButton } from '../../components/data-table';

export type KeyAction = 'edit' | 'block' | 'unblock' | 'regenerate' | 'delete';

interface KeysTableProps {
  keys: readonly KeyRow[];
  teamName: (teamId: string) => string;
  onAction: (action: KeyAction, key: KeyRow) => void;
}

function keyName(key: KeyRow): string {
  return key.alias ?? key.hint ?? `${key.token.slice(0, 10)}…`;
}

function statusOf(key: KeyRow): { label: string; tone: string } {
  if (key.blocked) return { label: 'Blocked', tone: 'bad' };
  if (key.expires !== undefined && new Date(key.expires).getTime() < Date.now()) return { label: 'Expired', tone: 'bad' };
  return { label: 'Active', tone: 'good' };
}

function limitsText(key: KeyRow): string {
  const parts = [
    key.rpmLimit === undefined ? undefined : `${formatCount(key.rpmLimit)} rpm`,
    key.tpmLimit === undefined ? undefined : `${formatCount(key.tpmLimit)} tpm`,
    key.maxParallelRequests === undefined ? undefined : `${key.maxParallelRequests} parallel`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function KeyRowView({ keyRow, teamName, onAction }: { keyRow: KeyRow; teamName: KeysTableProps['teamName']; onAction: KeysTableProps['onAction'] }) {
  const status = statusOf(keyRow);
  const name = keyName(keyRow);
  return (
    <tr>
      <th scope="row" data-label="Key">
        <span className="cell-title">{name}</span>
        {keyRow.hint !== undefined && keyRow.alias !== undefined && <code className="cell-sub">{keyRow.hint}</code>}
        {keyRow.userId !== undefined && <span className="cell-sub">user {keyRow.userId}</span>}
        {keyRow.expires !== undefined && <span className="cell-sub">expires {formatTime(keyRow.expires)}</span>}
      </th>
      <td data-label="Status">
        <span className={`badge badge-${status.tone}`}>{status.label}</span>
      </td>
      <td data-label="Spend">
        <BudgetMeter spend={keyRow.spend} budget={keyRow.maxBudget} />
        {keyRow.budgetDuration !== undefined && <span className="cell-sub">resets every {keyRow.budgetDuration}</span>}
      </td>
      <td data-label="Team">{keyRow.teamId === undefined ? '—' : teamName(keyRow.teamId)}</td>
      <td data-label="Models">{keyRow.models.length === 0 ? 'all' : keyRow.models.join(', ')}</td>
      <td data-label="Limits">{limitsText(keyRow)}</td>
      <td data-label="Actions" className="row-actions">
        <RowButton label="Edit" name={name} onClick={() => onAction('edit', keyRow)} />
        <RowButton label={keyRow.blocked ? 'Unblock' : 'Block'} name={name} onClick={() => onAction(keyRow.blocked ? 'unblock' : 'block', keyRow)} />
        <RowButton label="Regenerate" name={name} onClick={() => onAction('regenerate', keyRow)} />
        <RowButton label="Delete" name={name} onClick={() => onAction('delete', keyRow)} danger />
      </td>
    </tr>
  );
}

/** The keys with their spend against budget, limits and actions; a card per key on a phone. */
export function KeysTable({ keys, teamName, onAction }: KeysTableProps) {
  return (
    <DataTable caption="Virtual keys" columns={['Key', 'Status', 'Spend', 'Team', 'Models', 'Limits']} actions>
      {keys.map((key) => (
        <KeyRowView key={key.token} keyRow={key} teamName={teamName} onAction={onAction} />
      ))}
    </DataTable>
  );
}

export { keyName };
