import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/session-context';
import { listTeams, listUsers } from '../../api/teams-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page, Section } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { KeySecretDialog } from '../keys/key-secret-dialog';
import { MembersDialog } from './members-dialog';
import { TeamFormDialog, UserFormDialog } from './team-dialogs';
import { teamLimitsFrom, userInputFrom } from './team-form-values';
import { teamName, TeamsTable, userName, UsersTable } from './teams-tables';
import { useTeamActions } from './use-team-actions';

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-primary" onClick={onClick}>
      {label}
    </button>
  );
}

/** Teams (members, budgets, limits, models) and users (roles, budgets). */
export default function TeamsPage() {
  const api = useApi();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => listTeams(api) });
  const users = useQuery({ queryKey: ['users'], queryFn: () => listUsers(api) });
  const actions = useTeamActions();
  const { dialog, setDialog, close } = actions;
  const members = dialog?.kind === 'members' ? (teams.data?.find((team) => team.id === dialog.team.id) ?? dialog.team) : undefined;
  return (
    <Page title="Teams & users">
      <Section title="Teams" actions={<AddButton label="Create team" onClick={() => setDialog({ kind: 'new-team' })} />}>
        <QueryView query={teams} label="teams" isEmpty={(data) => data.length === 0} empty={<p>No teams yet. A team shares a budget and limits among its members’ keys.</p>}>
          {(data) => <TeamsTable teams={data} onAction={(kind, team) => setDialog({ kind: kind === 'edit' ? 'edit-team' : kind === 'delete' ? 'delete-team' : 'members', team })} />}
        </QueryView>
      </Section>
      <Section title="Users" actions={<AddButton label="Add user" onClick={() => setDialog({ kind: 'new-user' })} />}>
        <QueryView query={users} label="users" isEmpty={(data) => data.length === 0} empty={<p>No users yet. Users own keys and belong to teams; a proxy_admin may use this console.</p>}>
          {(data) => <UsersTable users={data} teamLabel={(teamId) => teams.data?.find((team) => team.id === teamId)?.alias ?? teamId} onAction={(kind, user) => setDialog({ kind: kind === 'edit' ? 'edit-user' : 'delete-user', user })} />}
        </QueryView>
      </Section>
      <TeamFormDialog
        open={dialog?.kind === 'new-team' || dialog?.kind === 'edit-team'}
        initial={dialog?.kind === 'edit-team' ? dialog.team : undefined}
        pending={actions.createTeam.isPending || actions.updateTeam.isPending}
        read={(form) => teamLimitsFrom(form, dialog?.kind === 'edit-team' ? 'update' : 'create')}
        onSubmit={(input) => (dialog?.kind === 'edit-team' ? actions.updateTeam.mutate({ team: dialog.team, input }) : actions.createTeam.mutate(input))}
        onClose={close}
      />
      <UserFormDialog
        open={dialog?.kind === 'new-user' || dialog?.kind === 'edit-user'}
        initial={dialog?.kind === 'edit-user' ? dialog.user : undefined}
        pending={actions.createUser.isPending || actions.updateUser.isPending}
        read={(form) => userInputFrom(form, dialog?.kind === 'edit-user' ? 'update' : 'create')}
        onSubmit={(input) => (dialog?.kind === 'edit-user' ? actions.updateUser.mutate({ user: dialog.user, input }) : actions.createUser.mutate(input))}
        onClose={close}
      />
      <MembersDialog team={members} users={users.data ?? []} pending={actions.addMember.isPending} onAdd={(member) => members && actions.addMember.mutate({ team: members, member })} onClose={close} />
      <ConfirmDialog open={dialog?.kind === 'delete-team'} title="Delete this team?" confirmLabel="Delete team" pendingLabel="Deleting…" pending={actions.deleteTeam.isPending} onConfirm={() => dialog?.kind === 'delete-team' && actions.deleteTeam.mutate(dialog.team)} onClose={close}>
        {dialog?.kind === 'delete-team' ? teamName(dialog.team) : 'The team'} is removed. The gateway refuses while keys still belong to it.
      </ConfirmDialog>
      <ConfirmDialog open={dialog?.kind === 'delete-user'} title="Delete this user?" confirmLabel="Delete user" pendingLabel="Deleting…" pending={actions.deleteUser.isPending} onConfirm={() => dialog?.kind === 'delete-user' && actions.deleteUser.mutate(dialog.user)} onClose={close}>
        {dialog?.kind === 'delete-user' ? userName(dialog.user) : 'The user'} is removed with their team memberships.
      </ConfirmDialog>
      <KeySecretDialog generated={actions.issuedKey} onClose={() => actions.setIssuedKey(undefined)} />
    </Page>
  );
}
