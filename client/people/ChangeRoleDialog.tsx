/** Changing what a person may do. Takes effect at once: their open pages and connections follow the new role. */
import { ROLES } from '../../shared/domain.ts';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { RoleDialog } from './RoleDialog.tsx';

interface ChangeRoleDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

export function ChangeRoleDialog({ person, onChanged, onClose }: ChangeRoleDialogProps) {
  const t = useT();
  return (
    <RoleDialog
      title={t('changeRole.title', { name: person.name })}
      testId="change-role-dialog"
      intro={t('changeRole.intro')}
      label={t('changeRole.label')}
      roles={ROLES}
      current={person.role}
      save={async (role) => onChanged(await peopleApi.change(person.id, { role }))}
      onClose={onClose}
    />
  );
}
