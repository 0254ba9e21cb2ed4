import type { DeploymentRow } from '../../api/models-api';
import { formatTime } from '../../lib/format';
import { DataTable, RowButton } from '../../components/data-table';

const healthLabels: Record<DeploymentRow['health'], { label: string; tone: string }> = {
  healthy: { label: 'Healthy', tone: 'good' },
  cooldown: { label: 'Cooling down', tone: 'warn' },
  unhealthy: { label: 'Unhealthy', tone: 'bad' },
  unknown: { label: 'No live state', tone: 'neutral' },
};

interface DeploymentsTableProps {
  deployments: readonly DeploymentRow[];
  onEdit: (deployment: DeploymentRow) => void;
  onDelete: (deployment: DeploymentRow) => void;
}

/** Every deployment with its health and cooldown; stored ones can be edited and deleted, config ones are read-only. */
export function DeploymentsTable({ deployments, onEdit, onDelete }: DeploymentsTableProps) {
  return (
    <DataTable caption="Deployments" columns={['Model name', 'Provider model', 'Health', 'Source']} actions>
      {deployments.map((deployment) => {
        const health = healthLabels[deployment.health];
        return (
          <tr key={deployment.id || `${deployment.modelName}-${deployment.model}`}>
            <th scope="row" data-label="Model name">
              <span className="cell-title">{deployment.modelName}</span>
              {deployment.apiBase !== undefined && <span className="cell-sub">{deployment.apiBase}</span>}
            </th>
            <td data-label="Provider model">{deployment.model ?? '—'}</td>
            <td data-label="Health">
              <span className={`badge badge-${health.tone}`}>{health.label}</span>
              {deployment.cooldownUntil !== undefined && <span className="cell-sub">until {formatTime(deployment.cooldownUntil)}</span>}
              {deployment.inFlight !== undefined && (
                <span className="cell-sub">
                  {deployment.inFlight} in flight · {deployment.failuresThisMinute ?? 0} failed this minute
                </span>
              )}
            </td>
            <td data-label="Source">{deployment.stored ? 'Stored' : 'Config file'}</td>
            <td data-label="Actions" className="row-actions">
              {deployment.stored ? (
                <>
                  <RowButton label="Edit" name={deployment.modelName} onClick={() => onEdit(deployment)} />
                  <RowButton label="Delete" name={deployment.modelName} onClick={() => onDelete(deployment)} danger />
                </>
              ) : (
                <span className="cell-sub">Edit the config file</span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
