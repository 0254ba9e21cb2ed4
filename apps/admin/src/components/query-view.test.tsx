import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { QueryView } from './query-view';

function List({ load }: { load: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: ['list'], queryFn: load, retry: false });
  return (
    <QueryView query={query} label="keys" isEmpty={(data) => data.length === 0} empty={<p>No keys yet.</p>}>
      {(data) => <p>{data.join(', ')}</p>}
    </QueryView>
  );
}

function renderList(load: () => Promise<string[]>) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <List load={load} />
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('QueryView', () => {
  it('shows loading, then the content', async () => {
    renderList(async () => ['ci', 'prod']);
    expect(screen.getByRole('status').textContent).toContain('Loading keys');
    expect(await screen.findByText('ci, prod')).toBeTruthy();
  });

  it('shows the empty state', async () => {
    renderList(async () => []);
    expect(await screen.findByText('No keys yet.')).toBeTruthy();
  });

  it('shows the error as an alert and tries again on request', async () => {
    let calls = 0;
    renderList(async () => {
      calls++;
      if (calls === 1) throw new ApiError(403, 'Not an admin key.');
      return ['ok'];
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load keys: Not an admin key.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('ok')).toBeTruthy();
  });
});
