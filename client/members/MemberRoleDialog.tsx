/** Changing a member's role on one document; their roles on other documents stay as they are. */
import type { DocumentMember } from '../../shared/api.ts';
import { MEMBER_ROLES } from '../../shared/domain.ts';
import { RoleDialog } from '../people/RoleDialog.tsx';
import { membersApi } from './membersApi.ts';

interface MemberRoleDialogProps {
  documentId: string;
  member: DocumentMember;
  onChanged: (member: DocumentMember) => void;
  onClose: () => void;
}

export function MemberRoleDialog({ documentId, member, onChanged, onClose }: MemberRoleDialogProps) {
  return (
    <RoleDialog
      title={`Change the role of ${member.person.name} on this document`}
      testId="member-role-dialog"
      intro="The change takes effect at once, also on pages they have open. Their role on other documents does not change."
      label="Role on this document"
      roles={MEMBER_ROLES}
      current={member.role}
      save={async (role) => onChanged(await membersApi.set(documentId, member.person.id, role))}
      onClose={onClose}
    />
  );
}
