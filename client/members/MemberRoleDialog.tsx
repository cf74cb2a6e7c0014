/** Changing a member's role on one document; their roles on other documents stay as they are. */
import type { DocumentMember } from '../../shared/api.ts';
import { MEMBER_ROLES } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { RoleDialog } from '../people/RoleDialog.tsx';
import { membersApi } from './membersApi.ts';

interface MemberRoleDialogProps {
  documentId: string;
  member: DocumentMember;
  onChanged: (member: DocumentMember) => void;
  onClose: () => void;
}

export function MemberRoleDialog({ documentId, member, onChanged, onClose }: MemberRoleDialogProps) {
  const t = useT();
  return (
    <RoleDialog
      title={t('members.roleDialogTitle', { name: member.person.name })}
      testId="member-role-dialog"
      intro={t('members.roleDialogIntro')}
      label={t('members.role')}
      roles={MEMBER_ROLES}
      current={member.role}
      save={async (role) => onChanged(await membersApi.set(documentId, member.person.id, role))}
      onClose={onClose}
    />
  );
}
