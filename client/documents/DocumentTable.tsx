/**
 * The documents list as a table: title (with the document's pages), phase, deadline, the reader's
 * role on it and its comments, with how many still await an answer. Several consultations run at
 * once and the years pile up, so the list can be searched by title or reference and narrowed to
 * one phase; the filtering happens here, on the list the server already limited to the reader's.
 */
import { useId, useMemo, useState } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { PHASE_LABELS, PHASES, ROLE_LABELS, type Phase } from '../../shared/domain.ts';
import { DocumentLinks } from '../components/DocumentLinks.tsx';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { formatDeadline } from '../format.ts';
import { documentPath, Link } from '../router.tsx';

type Entry = DocumentListEntry;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function matchesSearch(document: Entry, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  const haystack = fold(`${document.title} ${document.reference ?? ''}`);
  return words.every((word) => haystack.includes(word));
}

export function DocumentTable({ documents }: { documents: Entry[] }) {
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState<Phase | ''>('');
  const id = useId();
  const shown = useMemo(() => documents.filter((d) => (!phase || d.phase === phase) && matchesSearch(d, search)), [documents, phase, search]);

  return (
    <>
      <search className="documents-filters" aria-label="Find a document">
        <label htmlFor={`${id}-search`}>Search</label>
        <input id={`${id}-search`} type="search" className="input" value={search} placeholder="Title or reference" onChange={(e) => setSearch(e.target.value)} />
        <label htmlFor={`${id}-phase`}>Phase</label>
        <select id={`${id}-phase`} className="select" value={phase} onChange={(e) => setPhase(e.target.value as Phase | '')}>
          <option value="">Every phase</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {PHASE_LABELS[p]}
            </option>
          ))}
        </select>
        <output className="muted" data-testid="documents-shown">
          {shown.length === documents.length ? `${documents.length} ${documents.length === 1 ? 'document' : 'documents'}` : `${shown.length} of ${documents.length} documents`}
        </output>
      </search>
      {shown.length === 0 ? (
        <p className="placeholder">No document matches. Clear the search or choose every phase.</p>
      ) : (
        <div className="table-scroll">
          <table className="document-table" data-testid="document-list">
            <caption className="visually-hidden">Documents, with their phase, deadline, your role and their comments</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Phase</th>
                <th scope="col">Deadline</th>
                <th scope="col">Your role</th>
                <th scope="col">Comments</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((document) => (
                <DocumentRow key={document.id} document={document} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DocumentRow({ document }: { document: Entry }) {
  const deadline = formatDeadline(document.deadline);
  return (
    <tr data-testid="document-row">
      <th scope="row" className="document-table__title">
        <Link href={documentPath(document.id)}>{document.title}</Link>
        {document.reference && <span className="document-table__reference muted">{document.reference}</span>}
        <DocumentLinks documentId={document.id} documentTitle={document.title} phase={document.phase} role={document.role} landmark={false} className="document-links--list" />
      </th>
      <td>
        <PhaseBadge phase={document.phase} />
      </td>
      <td className="document-table__deadline" data-label="Deadline">
        {deadline ? (
          <time dateTime={deadline.iso}>
            {deadline.text}
            {deadline.passed && <span className="muted"> (passed)</span>}
          </time>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      <td data-label="Your role">{ROLE_LABELS[document.role]}</td>
      <td data-testid="document-comments" data-label="Comments">
        {document.comments === 0 ? (
          <span className="muted">None yet</span>
        ) : (
          <>
            {document.comments}
            {document.unanswered > 0 ? <span className="muted">, {document.unanswered} not yet answered</span> : <span className="muted">, all answered</span>}
          </>
        )}
      </td>
    </tr>
  );
}
