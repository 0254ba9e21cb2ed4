import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { KeyRow } from '../../api/keys-api';
import { listDeployments, modelNames } from '../../api/models-api';
import { listAgents, listMcpServers } from '../../api/mcp-api';
import { useApi } from '../../api/session-context';
import { listTeams } from '../../api/teams-api';
import { Field, NamePicker, SelectField } from '../../components/field';
import { durationPattern } from './key-form-values';

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** Access to MCP servers or agents: all of them (no object_permission) or a chosen list. */
function AccessPicker({ legend, name, allName, known, selected }: { legend: string; name: string; allName: string; known: string[]; selected: string[] | undefined }) {
  return (
    <div className="access-picker">
      <label className="checkbox">
        <input type="checkbox" name={allName} defaultChecked={selected === undefined} /> Every {legend.toLowerCase()} (unchecked: only those chosen below)
      </label>
      <NamePicker legend={legend} name={name} known={known} selected={selected ?? []} hint="Used only when “every” is unchecked." />
    </div>
  );
}

/** The fields of the create and edit key forms; `initial` fills them for an edit. */
export function KeyFormFields({ initial, mode }: { initial?: KeyRow; mode: 'create' | 'update' }): ReactNode {
  const api = useApi();
  const models = useQuery({ queryKey: ['models'], queryFn: () => listDeployments(api) });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => listTeams(api) });
  const servers = useQuery({ queryKey: ['mcp-servers'], queryFn: () => listMcpServers(api), retry: false });
  const agents = useQuery({ queryKey: ['agents'], queryFn: () => listAgents(api), retry: false });
  const teamOptions = [{ value: '', label: 'No team' }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.alias ?? team.id }))];
  return (
    <>
      <Field label="Name (alias)" name="key_alias" defaultValue={initial?.alias ?? ''} hint="Shown in lists and spend reports." />
      <div className="field-row">
        <Field label="Max budget (USD)" name="max_budget" inputMode="decimal" defaultValue={numberText(initial?.maxBudget)} hint="Requests are refused once spend reaches it." />
        <Field label="Soft budget (USD)" name="soft_budget" inputMode="decimal" defaultValue={numberText(initial?.softBudget)} hint="Only warns." />
        <Field label="Budget period" name="budget_duration" pattern={durationPattern} placeholder="30d" defaultValue={initial?.budgetDuration ?? ''} hint="Spend resets every period; empty: never." />
      </div>
      <div className="field-row">
        <Field label="Requests per minute" name="rpm_limit" inputMode="numeric" defaultValue={numberText(initial?.rpmLimit)} />
        <Field label="Tokens per minute" name="tpm_limit" inputMode="numeric" defaultValue={numberText(initial?.tpmLimit)} />
        <Field label="Parallel requests" name="max_parallel_requests" inputMode="numeric" defaultValue={numberText(initial?.maxParallelRequests)} />
      </div>
      <div className="field-row">
        <SelectField label="Team" name="team_id" options={teamOptions} defaultValue={initial?.teamId ?? ''} />
        <Field label="User id" name="user_id" defaultValue={initial?.userId ?? ''} />
        {mode === 'create' && <Field label="Expires after" name="duration" pattern={durationPattern} placeholder="30d" hint="Empty: never expires." />}
      </div>
      <NamePicker legend="Allowed models" name="models" known={models.data === undefined ? [] : modelNames(models.data)} selected={initial?.models ?? []} hint="None checked: every model." />
      <details className="access">
        <summary>MCP servers and agents this key may use</summary>
        <AccessPicker legend="MCP servers" name="mcp_servers" allName="mcp_all" known={(servers.data ?? []).map((server) => server.name)} selected={initial?.mcpServers} />
        <AccessPicker legend="Agents" name="agents" allName="agents_all" known={(agents.data ?? []).map((agent) => agent.name)} selected={initial?.agents} />
      </details>
    </>
  );
}
