import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { keyRow } from '../../api/keys-api';
import { KeysTable } from './keys-table';

afterEach(cleanup);

describe('KeysTable', () => {
  const keys = [
    keyRow({ token: 't1', key_alias: 'ci', key_name: 'sk-...abcd', spend: 4.5, max_budget: 5, rpm_limit: 60, team_id: 'team-1' }),
    keyRow({ token: 't2', key_name: 'sk-...wxyz', blocked: true, models: ['gpt-4o-mini'] }),
  ];

  it('shows spend against budget, status, team, models and limits', () => {
    render(<KeysTable keys={keys} teamName={(id) => (id === 'team-1' ? 'Search' : id)} onAction={() => {}} />);
    const [ci, other] = screen.getAllByRole('row').slice(1);
    expect(within(ci!).getByText('$4.50 of $5.00')).toBeTruthy();
    expect(within(ci!).getByRole('meter', { name: 'Budget used: $4.50 of $5.00' })).toBeTruthy();
    expect(within(ci!).getByText('Active')).toBeTruthy();
    expect(within(ci!).getByText('Search')).toBeTruthy();
    expect(within(ci!).getByText('60 rpm')).toBeTruthy();
    expect(within(other!).getByText('Blocked')).toBeTruthy();
    expect(within(other!).getByText('gpt-4o-mini')).toBeTruthy();
    expect(within(other!).getByText('$0.00 (no budget)')).toBeTruthy();
  });

  it('names each action after its key and reports the one pressed', () => {
    const pressed: string[] = [];
    render(<KeysTable keys={keys} teamName={(id) => id} onAction={(action, key) => pressed.push(`${action}:${key.token}`)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Block ci' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unblock sk-...wxyz' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete ci' }));
    expect(pressed).toEqual(['block:t1', 'unblock:t2', 'delete:t1']);
  });
});
