/**
 * /people, for the Secretariat: invite someone and hand them their sign-in link, and look after
 * everyone already invited (role, access, a new link).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InviteResult } from '../../shared/api.ts';
import { may } from '../../shared/access.ts';
import { ROLE_LABELS } from '../../shared/domain.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { SignInLink } from '../components/SignInLink.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { ActivationDialog } from './ActivationDialog.tsx';
import { BulkInviteDialog } from './BulkInviteDialog.tsx';
import { ChangeRoleDialog } from './ChangeRoleDialog.tsx';
import { EditPersonDialog } from './EditPersonDialog.tsx';
import { countryName } from './countries.ts';
import { InviteForm } from './InviteForm.tsx';
import { NewLinkDialog } from './NewLinkDialog.tsx';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PeopleTable, type PersonAction } from './PeopleTable.tsx';
import { filterPeople, NO_FILTER, sortPeople } from './peopleFilter.ts';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';
import '../components/pages.css';
import '../components/tables.css';
import './people.css';

export function PeoplePage() {
  useDocumentTitle('People');
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>People</h1>
        <p className="lead">Invite people and look after their access. Everyone signs in with a personal link; there are no passwords.</p>
        {may(me.role, 'people.manage') ? <People selfId={me.id} /> : <Forbidden />}
      </main>
    </>
  );
}

function People({ selfId }: { selfId: string }) {
  const { state, reload, retry } = useResource(peopleApi.list);
  const [invited, setInvited] = useState<InviteResult | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const [dialog, setDialog] = useState<{ action: PersonAction; person: ManagedPerson } | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [status, setStatus] = useState('');
  const invitedHeading = useRef<HTMLHeadingElement>(null);

  const people = useMemo(() => (state.status === 'ready' ? sortPeople(state.data, filter.order) : []), [state, filter.order]);
  const shown = useMemo(() => filterPeople(people, filter), [people, filter]);
  const emails = useMemo(() => new Set(people.map((p) => p.email.toLowerCase())), [people]);
  const countries = useMemo(() => [...new Set(people.map((p) => p.country))].toSorted((a, b) => countryName(a).localeCompare(countryName(b), 'en')), [people]);

  useEffect(() => {
    if (invited) invitedHeading.current?.focus();
  }, [invited]);

  const onInvited = (result: InviteResult) => {
    setInvited(result);
    setStatus('');
    void reload();
  };

  const changed = useCallback(
    (message: string) => (person: ManagedPerson) => {
      setStatus(message.replace('{name}', person.name).replace('{role}', ROLE_LABELS[person.role]));
      void reload();
    },
    [reload],
  );

  return (
    <>
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title" className="panel__title">
          Invite a person
        </h2>
        {invited && (
          <div className="notice success-notice invite-result" data-testid="invite-result">
            <h3 ref={invitedHeading} tabIndex={-1}>
              Invitation created for {invited.person.name}
            </h3>
            <SignInLink name={invited.person.name} url={invited.inviteUrl} replaced={false} email={{ personId: invited.person.id, token: invited.inviteToken, kind: 'invitation' }} />
            <button type="button" className="button" onClick={() => setInvited(null)}>
              Done
            </button>
          </div>
        )}
        <p id="invite-intro" className="panel__intro">
          Creating an invitation gives you a personal sign-in link to send them. Their role decides what they may do; you can change it later.
        </p>
        <InviteForm existingEmails={emails} onInvited={onInvited} />
        <p className="bulk-invite-offer">
          Many people to invite?{' '}
          <button type="button" className="button" onClick={() => setBulkOpen(true)}>
            Invite a list of people
          </button>
        </p>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title" className="section-title">
          Everyone invited
        </h2>
        <output className="page-status" data-testid="people-status">
          {status}
        </output>
        {state.status === 'loading' && <output className="placeholder">Loading people…</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && (
          <>
            <PeopleFilters filter={filter} countries={countries} onChange={setFilter} />
            <output className="result-count">
              {shown.length === people.length ? `${people.length} ${people.length === 1 ? 'person' : 'people'}` : `Showing ${shown.length} of ${people.length} people`}
            </output>
            {shown.length > 0 ? (
              <PeopleTable people={shown} selfId={selfId} onAction={(action, person) => setDialog({ action, person })} />
            ) : (
              <p className="placeholder">No one matches these filters.</p>
            )}
          </>
        )}
      </section>

      {bulkOpen && (
        <BulkInviteDialog
          onInvited={(created) => {
            setStatus(`${created.people.length} ${created.people.length === 1 ? 'person' : 'people'} invited from the list.`);
            void reload();
          }}
          onClose={() => setBulkOpen(false)}
        />
      )}
      {dialog?.action === 'details' && <EditPersonDialog person={dialog.person} onChanged={changed('The details of {name} have been saved.')} onClose={() => setDialog(null)} />}
      {dialog?.action === 'role' && <ChangeRoleDialog person={dialog.person} onChanged={changed('{name} is now: {role}.')} onClose={() => setDialog(null)} />}
      {dialog?.action === 'activation' && (
        <ActivationDialog
          person={dialog.person}
          onChanged={changed(dialog.person.active ? '{name} has been deactivated and signed out.' : '{name} has been reactivated.')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.action === 'link' && <NewLinkDialog person={dialog.person} onClose={() => setDialog(null)} />}
    </>
  );
}
