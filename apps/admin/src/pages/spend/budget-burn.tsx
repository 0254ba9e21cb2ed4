import type { KeyRow } from '../../api/keys-api';
import type { TeamRow } from '../../api/teams-api';
import { BudgetMeter } from '../../components/budget-meter';
import { budgetShare } from '../../lib/format';
import { DataTable } from '../../components/data-table';

interface Budgeted {
  name: string;
  kind: 'Key' | 'Team';
  spend: number;
  budget: number;
  period: string | undefined;
}

/** Keys and teams with a budget, the most used-up first. */
export function burnRows(keys: readonly KeyRow[], teams: readonly TeamRow[]): Budgeted[] {
  const rows: Budgeted[] = [];
  for (const key of keys) {
    if (key.maxBudget !== undefined) rows.push({ name: key.alias ?? key.hint ?? key.token.slice(0, 10), kind: 'Key', spend: key.spend, budget: key.maxBudget, period: key.budgetDuration });
  }
  for (const team of teams) {
    if (team.maxBudget !== undefined) rows.push({ name: team.alias ?? team.id, kind: 'Team', spend: team.spend, budget: team.maxBudget, period: team.budgetDuration });
  }
  return rows.sort((a, b) => (budgetShare(b.spend, b.budget) ?? 0) - (budgetShare(a.spend, a.budget) ?? 0));
}

export function BudgetBurn({ keys, teams }: { keys: readonly KeyRow[]; teams: readonly TeamRow[] }) {
  const rows = burnRows(keys, teams).slice(0, 12);
  if (rows.length === 0) return <p className="state state-empty">No key or team has a budget. Set one on the Keys or Teams page.</p>;
  return (
    <DataTable caption="Budget burn" columns={['Name', 'Kind', 'Spend against budget', 'Resets']}>
      {rows.map((row) => (
        <tr key={`${row.kind}-${row.name}`}>
          <th scope="row" data-label="Name">
            {row.name}
          </th>
          <td data-label="Kind">{row.kind}</td>
          <td data-label="Spend">
            <BudgetMeter spend={row.spend} budget={row.budget} />
          </td>
          <td data-label="Resets">{row.period === undefined ? 'never' : `every ${row.period}`}</td>
        </tr>
      ))}
    </DataTable>
  );
}
