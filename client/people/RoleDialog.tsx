/**
 * Choosing a role in a dialog: the people page (a person's role everywhere) and a document's Members
 * page (their role on that document) ask the same question with different words and a different save.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Role } from '../../shared/domain.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { roleDescription } from './roles.ts';

interface RoleDialogProps<R extends Role> {
  title: string;
  testId: string;
  /** What the change does, read first. */
  intro: string;
  label: string;
  roles: readonly R[];
  current: R;
  /** Stores the new role; a failure's message is shown in the dialog. */
  save: (role: R) => Promise<void>;
  onClose: () => void;
}

export function RoleDialog<R extends Role>({ title, testId, intro, label, roles, current, save, onClose }: RoleDialogProps<R>) {
  const t = useT();
  const [role, setRole] = useState<R>(current);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  return (
    <Modal title={title} initialFocus={select} onClose={onClose} testId={testId}>
      {(close, ids) => {
        const submit = async (event: FormEvent) => {
          event.preventDefault();
          if (role === current) return close();
          setBusy(true);
          setError(null);
          try {
            await save(role);
            close();
          } catch (failure) {
            setError(errorMessage(failure));
            setBusy(false);
          }
        };
        return (
          <form onSubmit={submit}>
            <p id={ids.body}>{intro}</p>
            <Field label={label} hint={roleDescription(role)} error={error}>
              {(control) => (
                <select {...control} ref={select} className="select" value={role} onChange={(event) => setRole(event.target.value as R)}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('roleDialog.saving') : t('roleDialog.save')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={close}>
                {t('dialog.cancel')}
              </button>
            </div>
          </form>
        );
      }}
    </Modal>
  );
}
