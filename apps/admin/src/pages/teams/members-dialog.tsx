import { useId, type FormEvent } from 'react';
import { teamRoles, type TeamRow, type UserRow } from '../../api/teams-api';
import { ActionButton } from '../../components/action-button';
import { Dialog } from '../../components/dialog';
import { SelectField } from '../../components/field';

interface MembersDialogProps {
  team: TeamRow | undefined;
  users: readonly UserRow[];
  pending: boolean;
  onAdd: (member: { user_id: string; role: string }) => void;
  onClose: () => void;
}

/** A team's members and their roles, and a form to add one. */
export function MembersDialog({ team, users, pending, onAdd, onClose }: MembersDialogProps) {
  const userListId = useId();
  const userFieldId = useId();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const userId = String(form.get('user_id') ?? '').trim();
    if (userId !== '') onAdd({ user_id: userId, role: String(form.get('role') ?? 'member') });
  }
  return (
    <Dialog open={team !== undefined} title={`Members of ${team?.alias ?? team?.id ?? ''}`} onClose={onClose}>
      {team !== undefined && team.members.length === 0 ? (
        <p className="state state-empty">No members yet.</p>
      ) : (
        <ul className="member-list">
          {team?.members.map((member) => (
            <li key={member.userId}>
              <span>{member.email ?? member.userId}</span> <span className="badge">{member.role}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="form inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={userFieldId}>User id</label>
          <input id={userFieldId} name="user_id" list={userListId} required autoComplete="off" />
          <datalist id={userListId}>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email ?? user.id}
              </option>
            ))}
          </datalist>
        </div>
        <SelectField label="Role" name="role" options={teamRoles.map((role) => ({ value: role, label: role }))} defaultValue="member" />
        <ActionButton type="submit" tone="primary" pending={pending} pendingLabel="Adding…">
          Add member
        </ActionButton>
      </form>
    </Dialog>
  );
}
