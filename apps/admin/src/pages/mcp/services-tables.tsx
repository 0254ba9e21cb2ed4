import { DataTable, RowButton } from '../../components/data-table';
import type { AgentRow, McpServerRow } from '../../api/mcp-api';

type ServerAction = 'tools' | 'access' | 'delete';
type AgentAction = 'access' | 'delete';

export function ServersTable({ servers, onAction }: { servers: readonly McpServerRow[]; onAction: (action: ServerAction, name: string) => void }) {
  return (
    <DataTable caption="MCP servers" columns={['Server', 'Transport', 'Status', 'Source']} actions>
      {servers.map((server) => (
        <tr key={server.name}>
          <th scope="row" data-label="Server">
            <span className="cell-title">{server.name}</span>
            {server.url !== undefined && <span className="cell-sub">{server.url}</span>}
            {server.description !== undefined && <span className="cell-sub">{server.description}</span>}
          </th>
          <td data-label="Transport">{server.transport ?? '—'}</td>
          <td data-label="Status">{server.status ?? '—'}</td>
          <td data-label="Source">{server.source === 'config' ? 'Config file' : 'Stored'}</td>
          <td data-label="Actions" className="row-actions">
            <RowButton label="Tools" name={server.name} onClick={() => onAction('tools', server.name)} />
            <RowButton label="Access" name={server.name} onClick={() => onAction('access', server.name)} />
            <RowButton label="Delete" name={server.name} onClick={() => onAction('delete', server.name)} danger />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function AgentsTable({ agents, onAction }: { agents: readonly AgentRow[]; onAction: (action: AgentAction, name: string) => void }) {
  return (
    <DataTable caption="A2A agents" columns={['Agent', 'Description', 'Source']} actions>
      {agents.map((agent) => (
        <tr key={agent.name}>
          <th scope="row" data-label="Agent">
            <span className="cell-title">{agent.name}</span>
            {agent.url !== undefined && <span className="cell-sub">{agent.url}</span>}
          </th>
          <td data-label="Description">{agent.description ?? '—'}</td>
          <td data-label="Source">{agent.source === 'config' ? 'Config file' : 'Stored'}</td>
          <td data-label="Actions" className="row-actions">
            <RowButton label="Access" name={agent.name} onClick={() => onAction('access', agent.name)} />
            <RowButton label="Delete" name={agent.name} onClick={() => onAction('delete', agent.name)} danger />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
