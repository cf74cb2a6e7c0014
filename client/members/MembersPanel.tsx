/**
 * The members of one document: add someone, change their role on this document, or take them out
 * (after a confirmation that says what it means). Every change holds at once on the server, also
 * for pages the person has open; a status line tells screen readers what happened.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { DocumentMember } from '../../shared/api.ts';
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from '../../shared/domain.ts';
import { errorMessage } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { countryName } from '../people/countries.ts';
import { peopleApi } from '../people/peopleApi.ts';
import { ROLE_DESCRIPTIONS } from '../people/roles.ts';
import { MemberRoleDialog } from './MemberRoleDialog.tsx';
import { membersApi } from './membersApi.ts';
import './members.css';

interface MembersPanelProps {
  documentId: string;
  documentTitle: string;
}

type Dialog = { action: 'role' | 'remove'; member: DocumentMember };

export function MembersPanel({ documentId, documentTitle }: MembersPanelProps) {
  const loadMembers = useCallback(() => membersApi.list(documentId), [documentId]);
  const members = useResource(loadMembers);
  const people = useResource(peopleApi.list);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');

  const list = useMemo(() => (members.state.status === 'ready' ? members.state.data : []), [members.state]);
  const candidates = useMemo(() => {
    if (people.state.status !== 'ready') return [];
    const taking = new Set(list.map((m) => m.person.id));
    return people.state.data.filter((p) => p.active && p.role !== 'secretariat' && !taking.has(p.id)).toSorted((a, b) => a.name.localeCompare(b.name, 'en'));
  }, [people.state, list]);

  const done = (message: string) => {
    setStatus(message);
    void members.reload();
  };

  return (
    <>
      <section className="panel" aria-labelledby="add-member-title">
        <h2 id="add-member-title" className="panel__title">
          Add a member
        </h2>
        <p className="panel__intro">
          Members see this document and take part with the role you give them here; the Secretariat takes part in every document. To add someone new, invite them on the
          People page first.
        </p>
        {people.state.status === 'error' && <LoadError failure={people.state} onRetry={people.retry} />}
        {people.state.status === 'ready' && <AddMember documentId={documentId} candidates={candidates} onAdded={(m) => done(`${m.person.name} now takes part as ${ROLE_LABELS[m.role]}.`)} />}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title" className="section-title">
          Who takes part
        </h2>
        <output className="page-status" data-testid="members-status">
          {status}
        </output>
        {members.state.status === 'loading' && <output className="placeholder">Loading the members…</output>}
        {members.state.status === 'error' && <LoadError failure={members.state} onRetry={members.retry} />}
        {members.state.status === 'ready' &&
          (list.length === 0 ? (
            <p className="placeholder">No one takes part in this document yet, apart from the Secretariat.</p>
          ) : (
            <MembersTable members={list} onAction={(action, member) => setDialog({ action, member })} />
          ))}
      </section>

      {dialog?.action === 'role' && (
        <MemberRoleDialog
          documentId={documentId}
          member={dialog.member}
          onChanged={(m) => done(`${m.person.name} is now ${ROLE_LABELS[m.role]} on this document.`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.action === 'remove' && (
        <ConfirmDialog
          title={`Remove ${dialog.member.person.name} from this document?`}
          confirmLabel="Remove from the document"
          busyLabel="Removing…"
          destructive
          onConfirm={async () => {
            await membersApi.remove(documentId, dialog.member.person.id);
            done(`${dialog.member.person.name} no longer takes part in this document.`);
          }}
          onClose={() => setDialog(null)}
        >
          <p>
            {dialog.member.person.name} will no longer see “{documentTitle}”, at once, also on pages they have open. Their comments and replies stay, under their name. You can add
            them again later.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function MembersTable({ members, onAction }: { members: DocumentMember[]; onAction: (action: Dialog['action'], member: DocumentMember) => void }) {
  return (
    <div className="table-scroll">
      <table className="data-table members-table" data-testid="members-table">
        <caption className="visually-hidden">Members of this document, with their role on it</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role on this document</th>
            <th scope="col">Country</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.person.id} data-testid="member-row" data-person-id={member.person.id}>
              <th scope="row">
                {member.person.name}
                {!member.person.active && <span className="muted"> (deactivated)</span>}
                <span className="data-table__sub">{member.person.email}</span>
              </th>
              <td>{ROLE_LABELS[member.role]}</td>
              <td>
                {countryName(member.person.country)}
                <span className="data-table__sub">{member.person.organisation}</span>
              </td>
              <td>
                <div className="members-table__actions">
                  <button type="button" className="button button--small" aria-label={`Change role of ${member.person.name} on this document`} onClick={() => onAction('role', member)}>
                    Change role
                  </button>
                  <button type="button" className="button button--small" aria-label={`Remove ${member.person.name} from this document`} onClick={() => onAction('remove', member)}>
                    Remove
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface AddMemberProps {
  documentId: string;
  candidates: ReadonlyArray<{ id: string; name: string; email: string; role: string }>;
  onAdded: (member: DocumentMember) => void;
}

function AddMember({ documentId, candidates, onAdded }: AddMemberProps) {
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<MemberRole>('participant');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (candidates.length === 0) return <p className="placeholder">Everyone invited already takes part in this document.</p>;

  const choose = (id: string) => {
    setPersonId(id);
    setError(null);
    // The role they were invited with is the likely one here too.
    const invitedAs = candidates.find((c) => c.id === id)?.role;
    if (invitedAs && (MEMBER_ROLES as readonly string[]).includes(invitedAs)) setRole(invitedAs as MemberRole);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!personId) {
      setError('Choose the person to add.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAdded(await membersApi.set(documentId, personId, role));
      setPersonId('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-member" onSubmit={submit} noValidate data-testid="add-member-form">
      <Field label="Person" error={error}>
        {(control) => (
          <select {...control} name="person" className="select" value={personId} onChange={(e) => choose(e.target.value)}>
            <option value="">Choose a person</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Role on this document" hint={ROLE_DESCRIPTIONS[role]}>
        {(control) => (
          <select {...control} name="role" className="select" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add member'}
      </button>
    </form>
  );
}
