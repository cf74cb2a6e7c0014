/**
 * /people, for the Secretariat: invite someone and hand them their sign-in link, and look after
 * everyone already invited (role, access, a new link).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InviteResult } from '../../shared/api.ts';
import { may } from '../../shared/access.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { SignInLink } from '../components/SignInLink.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';
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
  const t = useT();
  useDocumentTitle(t('people.title'));
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('people.title')}</h1>
        <p className="lead">{t('people.lead')}</p>
        {may(me.role, 'people.manage') ? <People selfId={me.id} /> : <Forbidden />}
      </main>
    </>
  );
}

function People({ selfId }: { selfId: string }) {
  const t = useT();
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
  // Sorted by their names in the interface's language, again when it changes ("Allemagne" before "Belgique").
  const { language } = useLanguage();
  const countries = useMemo(() => [...new Set(people.map((p) => p.country))].toSorted((a, b) => countryName(a).localeCompare(countryName(b), language)), [people, language]);

  useEffect(() => {
    if (invited) invitedHeading.current?.focus();
  }, [invited]);

  // The notice and its Done button go: the keyboard goes on in the form, ready for the next person.
  const doneInviting = () => {
    setInvited(null);
    document.querySelector<HTMLInputElement>('[data-testid="invite-form"] input')?.focus();
  };

  const onInvited = (result: InviteResult) => {
    setInvited(result);
    setStatus('');
    void reload();
  };

  // The status line is worded when the change is done, with the person as they now are.
  const changed = useCallback(
    (key: 'people.detailsSaved' | 'people.roleChanged' | 'people.deactivated' | 'people.reactivated') => (person: ManagedPerson) => {
      // Said once the list shows the change, as on the Members page.
      void reload().finally(() => setStatus(t(key, { name: person.name, role: t(`role.${person.role}`) })));
    },
    [reload, t],
  );

  return (
    <>
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title" className="panel__title">
          {t('people.inviteTitle')}
        </h2>
        {invited && (
          <div className="notice success-notice invite-result" data-testid="invite-result">
            <h3 ref={invitedHeading} tabIndex={-1}>
              {t('people.invitationCreated', { name: invited.person.name })}
            </h3>
            <SignInLink name={invited.person.name} url={invited.inviteUrl} replaced={false} email={{ personId: invited.person.id, token: invited.inviteToken, kind: 'invitation' }} />
            <button type="button" className="button" onClick={doneInviting}>
              {t('people.done')}
            </button>
          </div>
        )}
        <p id="invite-intro" className="panel__intro">
          {t('people.inviteIntro')}
        </p>
        <InviteForm existingEmails={emails} onInvited={onInvited} />
        <p className="bulk-invite-offer">
          {t('people.bulkOffer')}{' '}
          <button type="button" className="button" onClick={() => setBulkOpen(true)}>
            {t('people.bulkOpen')}
          </button>
        </p>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title" className="section-title">
          {t('people.everyone')}
        </h2>
        <output className="page-status" data-testid="people-status">
          {status}
        </output>
        {state.status === 'loading' && <output className="placeholder">{t('people.loading')}</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && (
          <>
            <PeopleFilters filter={filter} countries={countries} onChange={setFilter} />
            <output className="result-count">
              {shown.length === people.length ? t('people.count', { count: people.length }) : t('people.countShown', { shown: shown.length, count: people.length })}
            </output>
            {shown.length > 0 ? (
              <PeopleTable people={shown} selfId={selfId} onAction={(action, person) => setDialog({ action, person })} />
            ) : (
              <p className="placeholder">{t('people.noMatch')}</p>
            )}
          </>
        )}
      </section>

      {bulkOpen && (
        <BulkInviteDialog
          onInvited={(created) => {
            void reload().finally(() => setStatus(t('people.bulkInvited', { count: created.people.length })));
          }}
          onClose={() => setBulkOpen(false)}
        />
      )}
      {dialog?.action === 'details' && <EditPersonDialog person={dialog.person} onChanged={changed('people.detailsSaved')} onClose={() => setDialog(null)} />}
      {dialog?.action === 'role' && <ChangeRoleDialog person={dialog.person} onChanged={changed('people.roleChanged')} onClose={() => setDialog(null)} />}
      {dialog?.action === 'activation' && (
        <ActivationDialog
          person={dialog.person}
          onChanged={changed(dialog.person.active ? 'people.deactivated' : 'people.reactivated')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.action === 'link' && <NewLinkDialog person={dialog.person} onClose={() => setDialog(null)} />}
    </>
  );
}
