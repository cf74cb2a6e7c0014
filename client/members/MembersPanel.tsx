/**
 * The members of one document: add someone, change their role on this document, or take them out
 * (after a confirmation that says what it means). Every change holds at once on the server, also
 * for pages the person has open; a status line tells screen readers what happened.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { DocumentMember } from '../../shared/api.ts';
import { MEMBER_ROLES, type MemberRole } from '../../shared/domain.ts';
import { errorMessage } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { currentLanguage } from '../i18n/intl.ts';
import { countryName } from '../people/countries.ts';
import { peopleApi } from '../people/peopleApi.ts';
import { roleDescription } from '../people/roles.ts';
import { MemberRoleDialog } from './MemberRoleDialog.tsx';
import { membersApi } from './membersApi.ts';
import '../styles/stackedTable.css';
import './members.css';

interface MembersPanelProps {
  documentId: string;
  documentTitle: string;
}

type Dialog = { action: 'role' | 'remove'; member: DocumentMember };

export function MembersPanel({ documentId, documentTitle }: MembersPanelProps) {
  const t = useT();
  const loadMembers = useCallback(() => membersApi.list(documentId), [documentId]);
  const members = useResource(loadMembers);
  const people = useResource(peopleApi.list);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');

  const list = useMemo(() => (members.state.status === 'ready' ? members.state.data : []), [members.state]);
  const candidates = useMemo(() => {
    if (people.state.status !== 'ready') return [];
    const taking = new Set(list.map((m) => m.person.id));
    return people.state.data.filter((p) => p.active && p.role !== 'secretariat' && !taking.has(p.id)).toSorted((a, b) => a.name.localeCompare(b.name, currentLanguage()));
  }, [people.state, list]);

  // Said once the list shows it: a removal announced while the row is still listed reads as a failure.
  const done = async (message: string) => {
    await members.reload();
    setStatus(message);
  };

  return (
    <>
      <section className="panel" aria-labelledby="add-member-title">
        <h2 id="add-member-title" className="panel__title">
          {t('members.addTitle')}
        </h2>
        <p className="panel__intro">{t('members.addIntro')}</p>
        {people.state.status === 'error' && <LoadError failure={people.state} onRetry={people.retry} />}
        {people.state.status === 'ready' && <AddMember documentId={documentId} candidates={candidates} onAdded={(m) => void done(t('members.added', { name: m.person.name, role: t(`role.${m.role}`) }))} />}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title" className="section-title">
          {t('members.whoTitle')}
        </h2>
        <output className="page-status" data-testid="members-status">
          {status}
        </output>
        {members.state.status === 'loading' && <output className="placeholder">{t('members.loading')}</output>}
        {members.state.status === 'error' && <LoadError failure={members.state} onRetry={members.retry} />}
        {members.state.status === 'ready' &&
          (list.length === 0 ? (
            <p className="placeholder">{t('members.none')}</p>
          ) : (
            <MembersTable members={list} onAction={(action, member) => setDialog({ action, member })} />
          ))}
      </section>

      {dialog?.action === 'role' && (
        <MemberRoleDialog
          documentId={documentId}
          member={dialog.member}
          onChanged={(m) => void done(t('members.roleChanged', { name: m.person.name, role: t(`role.${m.role}`) }))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.action === 'remove' && (
        <ConfirmDialog
          title={t('members.removeTitle', { name: dialog.member.person.name })}
          confirmLabel={t('members.removeConfirm')}
          busyLabel={t('members.removing')}
          destructive
          onConfirm={async () => {
            await membersApi.remove(documentId, dialog.member.person.id);
            await done(t('members.removed', { name: dialog.member.person.name }));
          }}
          onClose={() => setDialog(null)}
        >
          <p>{t('members.removeExplain', { name: dialog.member.person.name, title: documentTitle })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function MembersTable({ members, onAction }: { members: DocumentMember[]; onAction: (action: Dialog['action'], member: DocumentMember) => void }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data-table members-table stacked-table" data-testid="members-table">
        <caption className="visually-hidden">{t('members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.colName')}</th>
            <th scope="col">{t('members.colRole')}</th>
            <th scope="col">{t('members.colCountry')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.person.id} data-testid="member-row" data-person-id={member.person.id}>
              <th scope="row">
                {member.person.name}
                {!member.person.active && <span className="muted">{t('members.deactivated')}</span>}
                <span className="data-table__sub">{member.person.email}</span>
              </th>
              <td data-label={t('members.colRole')}>{t(`role.${member.role}`)}</td>
              <td data-label={t('members.colCountry')}>
                {countryName(member.person.country)}
                <span className="data-table__sub">{member.person.organisation}</span>
              </td>
              <td>
                <div className="members-table__actions">
                  <button type="button" className="button button--small" aria-label={t('members.changeRoleOf', { name: member.person.name })} onClick={() => onAction('role', member)}>
                    {t('members.changeRole')}
                  </button>
                  <button type="button" className="button button--small" aria-label={t('members.removeName', { name: member.person.name })} onClick={() => onAction('remove', member)}>
                    {t('members.remove')}
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
  const t = useT();
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<MemberRole>('participant');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (candidates.length === 0) return <p className="placeholder">{t('members.everyoneIn')}</p>;

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
      setError(t('members.choosePersonError'));
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
      <Field label={t('members.person')} error={error}>
        {(control) => (
          <select {...control} name="person" className="select" value={personId} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('members.choosePerson')}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {t('members.personOption', { name: p.name, email: p.email })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('members.role')} hint={roleDescription(role)}>
        {(control) => (
          <select {...control} name="role" className="select" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('members.adding') : t('members.add')}
      </button>
    </form>
  );
}
