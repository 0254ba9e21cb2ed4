import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { ApiError } from './api/api-error';
import { SessionProvider, useSession } from './api/session-context';
import { NoticeProvider } from './components/notices';
import { Shell } from './components/shell';
import { SignInPage } from './pages/sign-in/sign-in-page';

const KeysPage = lazy(() => import('./pages/keys/keys-page'));
const TeamsPage = lazy(() => import('./pages/teams/teams-page'));
const ModelsPage = lazy(() => import('./pages/models/models-page'));
const SpendPage = lazy(() => import('./pages/spend/spend-page'));
const LogsPage = lazy(() => import('./pages/logs/logs-page'));
const McpPage = lazy(() => import('./pages/mcp/mcp-page'));

/**
 * Refusals are final; network errors and 5xx are retried once. Spend moves all the time, so a page shown again
 * always refetches (no staleTime).
 */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: true }, mutations: { retry: false } } });
}

function Pages() {
  const { api } = useSession();
  if (api === undefined) return <SignInPage />;
  return (
    <Shell>
      <Suspense fallback={<p role="status" className="state state-loading">Loading page…</p>}>
        <Switch>
          <Route path="/keys" component={KeysPage} />
          <Route path="/teams" component={TeamsPage} />
          <Route path="/models" component={ModelsPage} />
          <Route path="/spend" component={SpendPage} />
          <Route path="/logs" component={LogsPage} />
          <Route path="/mcp" component={McpPage} />
          <Route>
            <Redirect to="/keys" replace />
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}

export function App({ queryClient = createQueryClient(), base = '/ui' }: { queryClient?: QueryClient; base?: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <NoticeProvider>
          <Router base={base}>
            <Pages />
          </Router>
        </NoticeProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
