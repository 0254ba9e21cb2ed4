import { useState } from 'react';
import type { GeneratedKey } from '../../api/keys-api';
import { useApi } from '../../api/session-context';
import { addTeamMember, createTeam, createUser, deleteTeam, deleteUser, updateTeam, updateUser, type TeamLimits, type TeamRow, type UserInput, type UserRow } from '../../api/teams-api';
import { useApiMutation } from '../../components/use-api-mutation';
import { teamName, userName } from './teams-tables';

export type TeamsDialog =
  | { kind: 'new-team' | 'new-user' }
  | { kind: 'edit-team' | 'members' | 'delete-team'; team: TeamRow }
  | { kind: 'edit-user' | 'delete-user'; user: UserRow }
  | undefined;

/** The writes of the teams and users page, and which dialog is open. */
export function useTeamActions() {
  const api = useApi();
  const [dialog, setDialog] = useState<TeamsDialog>();
  /** The key /user/new issued with the user, shown once. */
  const [issuedKey, setIssuedKey] = useState<GeneratedKey | undefined>();
  const close = () => setDialog(undefined);
  const both = ['teams', 'users'];
  return {
    dialog,
    setDialog,
    issuedKey,
    setIssuedKey,
    close,
    createTeam: useApiMutation({ run: (input: TeamLimits) => createTeam(api, input), success: (_, input) => `Created team ${input.team_alias ?? ''}.`, invalidate: both, onSuccess: close }),
    updateTeam: useApiMutation({
      run: ({ team, input }: { team: TeamRow; input: TeamLimits }) => updateTeam(api, team.id, input),
      success: (_, { team }) => `Saved ${teamName(team)}.`,
      invalidate: both,
      onSuccess: close,
    }),
    deleteTeam: useApiMutation({ run: (team: TeamRow) => deleteTeam(api, team.id), success: (_, team) => `Deleted ${teamName(team)}.`, invalidate: both, onSuccess: close }),
    addMember: useApiMutation({
      run: ({ team, member }: { team: TeamRow; member: { user_id: string; role: string } }) => addTeamMember(api, team.id, member),
      success: (_, { member }) => `Added ${member.user_id}.`,
      invalidate: both,
      onSuccess: (_, { team }) => setDialog({ kind: 'members', team }),
    }),
    createUser: useApiMutation({
      run: (input: UserInput) => createUser(api, input),
      success: 'User added.',
      invalidate: [...both, 'keys'],
      onSuccess: ({ user, key }) => {
        close();
        if (key !== undefined) setIssuedKey({ key, token: undefined, alias: user.email ?? user.id, expires: undefined });
      },
    }),
    updateUser: useApiMutation({
      run: ({ user, input }: { user: UserRow; input: UserInput }) => updateUser(api, user.id, input),
      success: (_, { user }) => `Saved ${userName(user)}.`,
      invalidate: both,
      onSuccess: close,
    }),
    deleteUser: useApiMutation({ run: (user: UserRow) => deleteUser(api, user.id), success: (_, user) => `Deleted ${userName(user)}.`, invalidate: both, onSuccess: close }),
  };
}
