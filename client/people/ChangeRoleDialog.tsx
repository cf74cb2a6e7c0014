/** Changing what a person may do. Takes effect at once: their open pages and connections follow the new role. */
import { ROLES } from '../../shared/domain.ts';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';
import { RoleDialog } from './RoleDialog.tsx';

interface ChangeRoleDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

export function ChangeRoleDialog({ person, onChanged, onClose }: ChangeRoleDialogProps) {
  return (
    <RoleDialog
      title={`Change the role of ${person.name}`}
      testId="change-role-dialog"
      intro="The new role holds at once on every document they take part in, also on pages they have open. To change it on one document only, use that document’s Members page."
      label="Role"
      roles={ROLES}
      current={person.role}
      save={async (role) => onChanged(await peopleApi.change(person.id, { role }))}
      onClose={onClose}
    />
  );
}
