import { useQuery } from '@tanstack/react-query';
import { listMcpTools } from '../../api/mcp-api';
import { useApi } from '../../api/session-context';
import { Dialog } from '../../components/dialog';
import { QueryView } from '../../components/query-view';

/** The tools one MCP server offers through the gateway. */
export function ToolsDialog({ server, onClose }: { server: string | undefined; onClose: () => void }) {
  const api = useApi();
  const tools = useQuery({ queryKey: ['mcp-tools', server], queryFn: () => listMcpTools(api, server), enabled: server !== undefined });
  return (
    <Dialog open={server !== undefined} title={`Tools of ${server ?? ''}`} onClose={onClose}>
      <QueryView query={tools} label="tools" isEmpty={(data) => data.length === 0} empty={<p>This server lists no tools (or is not reachable right now).</p>}>
        {(data) => (
          <ul className="tool-list">
            {data
              .filter((tool) => tool.server === undefined || tool.server === server)
              .map((tool) => (
                <li key={tool.name}>
                  <code>{tool.name}</code>
                  {tool.description !== undefined && <p>{tool.description}</p>}
                </li>
              ))}
          </ul>
        )}
      </QueryView>
    </Dialog>
  );
}
