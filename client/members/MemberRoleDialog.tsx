/** Changing a member's role on one document; their roles on other documents stay as they are. */
import { useRef, useState, type FormEvent } from 'react';
import type { DocumentMember } from '../../shared/api.ts';
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from '../../shared/domain.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { ROLE_DESCRIPTIONS } from '../people/roles.ts';
import { membersApi } from './membersApi.ts';

interface MemberRoleDialogProps {
  documentId: string;
  member: DocumentMember;
  onChanged: (member: DocumentMember) => void;
  onClose: () => void;
}

export function MemberRoleDialog({ documentId, member, onChanged, onClose }: MemberRoleDialogProps) {
  const [role, setRole] = useState<MemberRole>(member.role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  return (
    <Modal title={`Change the role of ${member.person.name} on this document`} initialFocus={select} onClose={onClose} testId="member-role-dialog">
      {(close, ids) => {
        const save = async (event: FormEvent) => {
          event.preventDefault();
          if (role === member.role) return close();
          setBusy(true);
          setError(null);
          try {
            onChanged(await membersApi.set(documentId, member.person.id, role));
            close();
          } catch (failure) {
            setError(errorMessage(failure));
            setBusy(false);
          }
        };
        return (
          <form onSubmit={save}>
            <p id={ids.body}>The change takes effect at once, also on pages they have open. Their role on other documents does not change.</p>
            <Field label="Role on this document" hint={ROLE_DESCRIPTIONS[role]} error={error}>
              {(control) => (
                <select {...control} ref={select} className="select" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
                  {MEMBER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save role'}
              </button>
              <button type="button" className="button" disabled={busy} onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        );
      }}
    </Modal>
  );
}
