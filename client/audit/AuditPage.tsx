/**
 * /audit, for the Secretariat: who did what and when, newest first, in words; filtered by action or
 * by words; the whole log as a CSV file.
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
import { AUDIT_CSV_URL, auditApi } from './auditApi.ts';
import { AuditTable, type AuditRow } from './AuditTable.tsx';
import { actionLabel, detailText, targetText, type Names } from './auditWords.ts';
import '../components/pages.css';
import '../components/tables.css';

const PAGE = 100;

/** The log, with names for the people and documents it mentions (ids where a list could not be read). */
async function loadLog(): Promise<AuditRow[]> {
  const [events, people, documents] = await Promise.all([auditApi.list(), peopleApi.list().catch(() => []), api.documents().catch(() => [])]);
  const names: Names = { people: new Map(people.map((p) => [p.id, p.name])), documents: new Map(documents.map((d) => [d.id, d.title])) };
  return events.map((event, index) => ({
    key: `${event.at}-${index}`,
    event,
    who: event.actorName ?? 'The system',
    what: actionLabel(event.action),
    target: targetText(event, names),
    details: detailText(event),
  }));
}

export function AuditPage() {
  useDocumentTitle('Audit log');
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>Audit log</h1>
        <p className="lead">Who did what, and when, newest first. Nothing in this log can be changed or deleted.</p>
        {may(me.role, 'audit.read') ? <AuditLog /> : <Forbidden />}
      </main>
    </>
  );
}

function AuditLog() {
  const { state, retry } = useResource(loadLog);
  const [action, setAction] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);

  const rows = useMemo(() => (state.status === 'ready' ? state.data : []), [state]);
  const actions = useMemo(() => [...new Set(rows.map((r) => r.event.action))].toSorted((a, b) => actionLabel(a).localeCompare(actionLabel(b))), [rows]);
  const shown = useMemo(() => {
    const words = fold(text).split(/\s+/).filter(Boolean);
    return rows.filter((r) => (!action || r.event.action === action) && words.every((w) => fold(`${r.who} ${r.what} ${r.target} ${r.details}`).includes(w)));
  }, [rows, action, text]);

  return (
    <>
      <p>
        <a className="button" href={AUDIT_CSV_URL} download>
          Download the whole log (CSV)
        </a>
      </p>
      {state.status === 'loading' && <output className="placeholder">Loading the audit log…</output>}
      {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          <search className="filters" aria-label="Filter the audit log">
            <Field label="What happened">
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
                  <option value="">Everything</option>
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(a)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Search" className="filters__search">
              {(control) => (
                <input
                  {...control}
                  type="search"
                  className="input"
                  placeholder="A name, a document, a word in the details"
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
            {shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? 'event' : 'events'}` : `${shown.length} of ${rows.length} events match`}
            {shown.length > limit && `; showing the newest ${limit}`}
          </output>
          {shown.length === 0 ? <p className="placeholder">{rows.length === 0 ? 'Nothing has happened yet.' : 'No events match these filters.'}</p> : <AuditTable rows={shown.slice(0, limit)} />}
          {shown.length > limit && (
            <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
              Show {Math.min(PAGE, shown.length - limit)} older events
            </button>
          )}
        </>
      )}
    </>
  );
}
