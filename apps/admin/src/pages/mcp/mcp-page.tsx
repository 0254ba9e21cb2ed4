import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { addAgent, addMcpServer, deleteAgent, deleteMcpServer, listAgents, listMcpServers, type AgentInput, type McpServerInput } from '../../api/mcp-api';
import { useApi } from '../../api/session-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page, Section } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useApiMutation } from '../../components/use-api-mutation';
import { AccessDialog } from './access-dialog';
import { agentFrom, mcpServerFrom } from './service-form-values';
import { ServiceDialog } from './service-dialog';
import { AgentsTable, ServersTable } from './services-tables';
import { ToolsDialog } from './tools-dialog';

type McpDialog = { kind: 'add-server' | 'add-agent' } | { kind: 'tools' | 'server-access' | 'delete-server' | 'agent-access' | 'delete-agent'; name: string } | undefined;

function nameIf(dialog: McpDialog, kind: string): string | undefined {
  return dialog !== undefined && dialog.kind === kind && 'name' in dialog ? dialog.name : undefined;
}

/** MCP servers (tools, access per key) and A2A agents behind the gateway. */
export default function McpPage() {
  const api = useApi();
  const servers = useQuery({ queryKey: ['mcp-servers'], queryFn: () => listMcpServers(api) });
  const agents = useQuery({ queryKey: ['agents'], queryFn: () => listAgents(api) });
  const [dialog, setDialog] = useState<McpDialog>();
  const close = () => setDialog(undefined);
  const addServer = useApiMutation({ run: (input: McpServerInput) => addMcpServer(api, input), success: (_, input) => `Added ${input.server_name}.`, invalidate: ['mcp-servers'], onSuccess: close });
  const addAgentMutation = useApiMutation({ run: (input: AgentInput) => addAgent(api, input), success: (_, input) => `Added ${input.agent_name}.`, invalidate: ['agents'], onSuccess: close });
  const removeServer = useApiMutation({ run: (name: string) => deleteMcpServer(api, name), success: (_, name) => `Deleted ${name}.`, invalidate: ['mcp-servers'], onSuccess: close });
  const removeAgent = useApiMutation({ run: (name: string) => deleteAgent(api, name), success: (_, name) => `Deleted ${name}.`, invalidate: ['agents'], onSuccess: close });
  const add = (label: string, kind: 'add-server' | 'add-agent') => (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind })}>
      {label}
    </button>
  );
  const serverNames = (servers.data ?? []).map((server) => server.name);
  const agentNames = (agents.data ?? []).map((agent) => agent.name);
  return (
    <Page title="MCP servers & agents">
      <Section title="MCP servers" actions={add('Add MCP server', 'add-server')}>
        <QueryView query={servers} label="MCP servers" isEmpty={(data) => data.length === 0} empty={<p>No MCP servers. Add one to offer its tools at /mcp and in chats.</p>}>
          {(data) => <ServersTable servers={data} onAction={(action, name) => setDialog({ kind: action === 'tools' ? 'tools' : action === 'access' ? 'server-access' : 'delete-server', name })} />}
        </QueryView>
      </Section>
      <Section title="A2A agents" actions={add('Add agent', 'add-agent')}>
        <QueryView query={agents} label="agents" isEmpty={(data) => data.length === 0} empty={<p>No agents. Add one to reach it at /a2a/&lt;name&gt;/ with a gateway key.</p>}>
          {(data) => <AgentsTable agents={data} onAction={(action, name) => setDialog({ kind: action === 'access' ? 'agent-access' : 'delete-agent', name })} />}
        </QueryView>
      </Section>
      <ServiceDialog kind="mcp" open={dialog?.kind === 'add-server'} pending={addServer.isPending} read={mcpServerFrom} onSubmit={(input) => addServer.mutate(input)} onClose={close} />
      <ServiceDialog kind="agent" open={dialog?.kind === 'add-agent'} pending={addAgentMutation.isPending} read={agentFrom} onSubmit={(input) => addAgentMutation.mutate(input)} onClose={close} />
      <ToolsDialog server={nameIf(dialog, 'tools')} onClose={close} />
      <AccessDialog kind="mcp_servers" name={nameIf(dialog, 'server-access')} known={serverNames} onClose={close} />
      <AccessDialog kind="agents" name={nameIf(dialog, 'agent-access')} known={agentNames} onClose={close} />
      <ConfirmDialog open={dialog?.kind === 'delete-server'} title="Delete this MCP server?" confirmLabel="Delete server" pendingLabel="Deleting…" pending={removeServer.isPending} onConfirm={() => { const name = nameIf(dialog, 'delete-server'); if (name !== undefined) removeServer.mutate(name); }} onClose={close}>
        Its tools disappear from /mcp and from chats at once.
      </ConfirmDialog>
      <ConfirmDialog open={dialog?.kind === 'delete-agent'} title="Delete this agent?" confirmLabel="Delete agent" pendingLabel="Deleting…" pending={removeAgent.isPending} onConfirm={() => { const name = nameIf(dialog, 'delete-agent'); if (name !== undefined) removeAgent.mutate(name); }} onClose={close}>
        Requests to /a2a/{nameIf(dialog, 'delete-agent') ?? ''}/ are refused from now on.
      </ConfirmDialog>
    </Page>
  );
}
