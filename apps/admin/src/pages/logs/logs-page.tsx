import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listKeys } from '../../api/keys-api';
import { listLogs, type LogFilters, type LogRow } from '../../api/logs-api';
import { listDeployments, modelNames } from '../../api/models-api';
import { useApi } from '../../api/session-context';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { LogDetail } from './log-detail';
import { LogFiltersForm } from './log-filters';
import { LogsTable } from './logs-table';

const pageSize = 50;

/** Request logs filtered by key, model, status and time, with a detail view per request. */
export default function LogsPage() {
  const api = useApi();
  const [filters, setFilters] = useState<LogFilters>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<LogRow | undefined>();
  const logs = useQuery({ queryKey: ['logs', filters, page], queryFn: () => listLogs(api, filters, page, pageSize), placeholderData: keepPreviousData });
  const keys = useQuery({ queryKey: ['keys', 'all'], queryFn: () => listKeys(api, { page: 1, size: 100 }) });
  const models = useQuery({ queryKey: ['models'], queryFn: () => listDeployments(api) });
  const keyOptions = (keys.data?.keys ?? []).map((key) => ({ value: key.token, label: key.alias ?? key.hint ?? key.token.slice(0, 12) }));
  const keyName = (hash: string | undefined) => (hash === undefined ? '—' : (keyOptions.find((key) => key.value === hash)?.label ?? `${hash.slice(0, 12)}…`));
  const refresh = (
    <button type="button" className="button" onClick={() => void logs.refetch()} aria-busy={logs.isFetching}>
      {logs.isFetching ? 'Refreshing…' : 'Refresh'}
    </button>
  );
  return (
    <Page title="Logs" actions={refresh}>
      <LogFiltersForm
        filters={filters}
        keys={keyOptions}
        models={models.data === undefined ? [] : modelNames(models.data)}
        onApply={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <QueryView query={logs} label="logs" isEmpty={(data) => data.logs.length === 0} empty={<p>No requests match. Requests appear here a second or two after they finish.</p>}>
        {(data) => (
          <>
            <p className="summary">{data.total === undefined ? `${data.logs.length} requests on this page, newest first` : `${data.total} requests, newest first`}</p>
            <LogsTable logs={data.logs} keyName={keyName} onOpen={setOpen} />
            <Pager page={page} {...(data.pages === undefined ? { hasNext: data.hasMore } : { pages: data.pages })} onPage={setPage} label="Log" />
          </>
        )}
      </QueryView>
      <LogDetail log={open} keyName={keyName} onClose={() => setOpen(undefined)} />
    </Page>
  );
}
