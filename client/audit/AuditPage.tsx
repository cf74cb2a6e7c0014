/**
 * /audit, for the Secretariat: who did what and when, newest first, in words; filtered by action or
 * by words; the whole log as a CSV file. The events are fetched once; their words are made in the
 * interface language each time it changes.
 */
import { useMemo, useState } from 'react';
import { may } from '../../shared/access.ts';
import { api } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Field } from '../components/Field.tsx';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { fold } from '../people/peopleFilter.ts';
import { peopleApi } from '../people/peopleApi.ts';
import { usePerson } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { currentLanguage } from '../i18n/intl.ts';
import { AUDIT_CSV_URL, auditApi } from './auditApi.ts';
import type { AuditEvent } from './auditApi.ts';
import { AuditTable, type AuditRow } from './AuditTable.tsx';
import { actionLabel, detailText, targetText, type Names } from './auditWords.ts';
import '../components/pages.css';
import '../components/tables.css';

const PAGE = 100;

/** The log, with names for the people and documents it mentions (ids where a list could not be read). */
async function loadLog(): Promise<{ events: AuditEvent[]; names: Names }> {
  const [events, people, documents] = await Promise.all([auditApi.list(), peopleApi.list().catch(() => []), api.documents().catch(() => [])]);
  return { events, names: { people: new Map(people.map((p) => [p.id, p.name])), documents: new Map(documents.map((d) => [d.id, d.title])) } };
}

function wordRows(events: readonly AuditEvent[], names: Names, system: string): AuditRow[] {
  return events.map((event, index) => ({
    key: `${event.at}-${index}`,
    event,
    who: event.actorName ?? system,
    what: actionLabel(event.action),
    target: targetText(event, names),
    details: detailText(event),
  }));
}

export function AuditPage() {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.lead')}</p>
        {may(me.role, 'audit.read') ? <AuditLog /> : <Forbidden />}
      </main>
    </>
  );
}

function AuditLog() {
  const t = useT();
  const { state, retry } = useResource(loadLog);
  const [action, setAction] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);

  // t changes with the language, and so the words of every row.
  const rows = useMemo(() => (state.status === 'ready' ? wordRows(state.data.events, state.data.names, t('audit.system')) : []), [state, t]);
  const actions = useMemo(() => [...new Set(rows.map((r) => r.event.action))].toSorted((a, b) => actionLabel(a).localeCompare(actionLabel(b), currentLanguage())), [rows]);
  const shown = useMemo(() => {
    const words = fold(text).split(/\s+/).filter(Boolean);
    return rows.filter((r) => (!action || r.event.action === action) && words.every((w) => fold(`${r.who} ${r.what} ${r.target} ${r.details}`).includes(w)));
  }, [rows, action, text]);

  return (
    <>
      <p>
        <a className="button" href={AUDIT_CSV_URL} download>
          {t('audit.download')}
        </a>
      </p>
      {state.status === 'loading' && <output className="placeholder">{t('audit.loading')}</output>}
      {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          <search className="filters" aria-label={t('audit.filter')}>
            <Field label={t('audit.what')}>
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={action}
                  onChange={(e) => {
                    setAction(e.target.value);
                    setLimit(PAGE);
                  }}
                >
                  <option value="">{t('audit.everything')}</option>
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(a)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('audit.search')} className="filters__search">
              {(control) => (
                <input
                  {...control}
                  type="search"
                  className="input"
                  placeholder={t('audit.searchPlaceholder')}
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    setLimit(PAGE);
                  }}
                />
              )}
            </Field>
          </search>
          <output className="result-count">
            {shown.length === rows.length ? t('audit.count', { count: rows.length }) : t('audit.countShown', { shown: shown.length, count: rows.length })}
            {shown.length > limit && t('audit.newest', { limit })}
          </output>
          {shown.length === 0 ? <p className="placeholder">{rows.length === 0 ? t('audit.nothingYet') : t('audit.noMatch')}</p> : <AuditTable rows={shown.slice(0, limit)} />}
          {shown.length > limit && (
            <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
              {t('audit.older', { count: Math.min(PAGE, shown.length - limit) })}
            </button>
          )}
        </>
      )}
    </>
  );
}
