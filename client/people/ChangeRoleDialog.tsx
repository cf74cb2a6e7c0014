/** Changing what a person may do. Takes effect at once: their open pages and connections follow the new role. */
import { useRef, useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/domain.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';
import { ROLE_DESCRIPTIONS } from './roles.ts';

interface ChangeRoleDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

export function ChangeRoleDialog({ person, onChanged, onClose }: ChangeRoleDialogProps) {
  const [role, setRole] = useState<Role>(person.role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  return (
    <Modal title={`Change the role of ${person.name}`} initialFocus={select} onClose={onClose} testId="change-role-dialog">
      {(close, ids) => {
        const save = async (event: FormEvent) => {
          event.preventDefault();
          if (role === person.role) return close();
          setBusy(true);
          setError(null);
          try {
            onChanged(await peopleApi.change(person.id, { role }));
            close();
          } catch (failure) {
            setError(errorMessage(failure));
            setBusy(false);
          }
        };
        return (
          <form onSubmit={save}>
            <p id={ids.body}>The new role holds at once on every document they take part in, also on pages they have open. To change it on one document only, use that document’s Members page.</p>
            <Field label="Role" hint={ROLE_DESCRIPTIONS[role]} error={error}>
              {(control) => (
                <select {...control} ref={select} className="select" value={role} onChange={(event) => setRole(event.target.value as Role)}>
                  {ROLES.map((r) => (
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
