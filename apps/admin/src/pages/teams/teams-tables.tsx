import type { TeamRow, UserRow } from '../../api/teams-api';
import { BudgetMeter } from '../../components/budget-meter';
import { DataTable, RowButton } from '../../components/data-table';
import { formatCount } from '../../lib/format';

type TeamAction = 'edit' | 'members' | 'delete';
type UserAction = 'edit' | 'delete';

export const teamName = (team: TeamRow) => team.alias ?? team.id;
export const userName = (user: UserRow) => user.email ?? user.id;

function limits(rpm: number | undefined, tpm: number | undefined): string {
  const parts = [rpm === undefined ? undefined : `${formatCount(rpm)} rpm`, tpm === undefined ? undefined : `${formatCount(tpm)} tpm`].filter(Boolean);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

export function TeamsTable({ teams, onAction }: { teams: readonly TeamRow[]; onAction: (action: TeamAction, team: TeamRow) => void }) {
  return (
    <DataTable caption="Teams" columns={['Team', 'Members', 'Spend', 'Limits', 'Models']} actions>
      {teams.map((team) => (
        <tr key={team.id}>
          <th scope="row" data-label="Team">
            <span className="cell-title">{teamName(team)}</span>
            {team.blocked && <span className="badge badge-bad">Blocked</span>}
            <code className="cell-sub">{team.id}</code>
          </th>
          <td data-label="Members">{team.members.length}</td>
          <td data-label="Spend">
            <BudgetMeter spend={team.spend} budget={team.maxBudget} />
          </td>
          <td data-label="Limits">{limits(team.rpmLimit, team.tpmLimit)}</td>
          <td data-label="Models">{team.models.length === 0 ? 'all' : team.models.join(', ')}</td>
          <td data-label="Actions" className="row-actions">
            <RowButton label="Members" name={teamName(team)} onClick={() => onAction('members', team)} />
            <RowButton label="Edit" name={teamName(team)} onClick={() => onAction('edit', team)} />
            <RowButton label="Delete" name={teamName(team)} onClick={() => onAction('delete', team)} danger />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function UsersTable({ users, teamLabel, onAction }: { users: readonly UserRow[]; teamLabel: (teamId: string) => string; onAction: (action: UserAction, user: UserRow) => void }) {
  return (
    <DataTable caption="Users" columns={['User', 'Role', 'Spend', 'Teams']} actions>
      {users.map((user) => (
        <tr key={user.id}>
          <th scope="row" data-label="User">
            <span className="cell-title">{userName(user)}</span>
            {user.email !== undefined && <code className="cell-sub">{user.id}</code>}
          </th>
          <td data-label="Role">{user.role ?? '—'}</td>
          <td data-label="Spend">
            <BudgetMeter spend={user.spend} budget={user.maxBudget} />
          </td>
          <td data-label="Teams">{user.teams.length === 0 ? '—' : user.teams.map(teamLabel).join(', ')}</td>
          <td data-label="Actions" className="row-actions">
            <RowButton label="Edit" name={userName(user)} onClick={() => onAction('edit', user)} />
            <RowButton label="Delete" name={userName(user)} onClick={() => onAction('delete', user)} danger />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
