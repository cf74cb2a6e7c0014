/**
 * Threads as clients see them: the author's public identity attached, and the quote read from the
 * live text. One TextIndex serves every thread of a request.
 */
import { threadLink, type Thread, type ThreadAuthor } from '../../shared/api.ts';
import type { PersonRecord } from '../storage/records.ts';
import type { ThreadRecord } from '../storage/threadRecords.ts';
import { resolveAnchor, sectionAt, type TextIndex } from '../documents/anchors.ts';

const UNKNOWN_AUTHOR: ThreadAuthor = { id: '', name: 'Former participant', country: '', organisation: '', stakeholder: 'other' };

export function presentAuthor(person: PersonRecord | undefined): ThreadAuthor {
  if (!person) return UNKNOWN_AUTHOR;
  return { id: person.id, name: person.name, country: person.country, organisation: person.organisation, stakeholder: person.stakeholder };
}

const nameOf = (people: Map<string, PersonRecord>, id: string) => people.get(id)?.name ?? 'Former member';

export interface PlacedThread {
  thread: Thread;
  /** Offset of the anchor's start: -1 for a whole-section thread (first), MAX_SAFE_INTEGER for an orphan (last). */
  position: number;
}

export function placeThread(record: ThreadRecord, people: Map<string, PersonRecord>, index: TextIndex): PlacedThread {
  let quote = '';
  let orphaned = false;
  let position = -1;
  let sectionId = record.sectionId;
  if (record.anchor) {
    const resolved = resolveAnchor(index, record.anchor);
    if (resolved) {
      quote = resolved.quote;
      position = resolved.start;
      sectionId = sectionAt(index, resolved.start) ?? sectionId;
    } else {
      orphaned = true;
      position = Number.MAX_SAFE_INTEGER;
    }
  }
  return {
    position,
    thread: {
      id: record.id,
      ref: record.ref,
      link: threadLink(record.documentId, record.ref),
      documentId: record.documentId,
      sectionId,
      anchor: record.anchor,
      quote,
      originalQuote: record.originalQuote,
      orphaned,
      kind: record.kind,
      body: record.body,
      proposedText: record.proposedText,
      author: presentAuthor(people.get(record.authorId)),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      previousBodies: record.previousBodies,
      status: record.status,
      response: record.response,
      assigneeId: record.assigneeId,
      replies: record.replies
        .filter((r) => !r.withdrawnAt)
        .map((r) => ({ id: r.id, author: presentAuthor(people.get(r.authorId)), body: r.body, createdAt: r.createdAt, updatedAt: r.updatedAt ?? null })),
      endorsements: record.endorsements,
      dispositions: record.dispositions.map((d) => ({ status: d.status, response: d.response, assigneeId: d.assigneeId, by: nameOf(people, d.byId), at: d.at })),
      applied: record.applied ? { at: record.applied.at, by: nameOf(people, record.applied.byId) } : null,
      received: record.received ? { at: record.received.at, enteredBy: nameOf(people, record.received.enteredById) } : null,
      authorReaction: record.authorReaction ?? null,
    },
  };
}

/** Threads in document order: by section, then whole-section threads, then by anchor position. */
export function inDocumentOrder(placed: PlacedThread[], index: TextIndex): Thread[] {
  const sectionOrder = new Map(index.sections.map((s, i) => [s.id, i]));
  return placed
    .toSorted(
      (a, b) =>
        (sectionOrder.get(a.thread.sectionId) ?? Number.MAX_SAFE_INTEGER) - (sectionOrder.get(b.thread.sectionId) ?? Number.MAX_SAFE_INTEGER) ||
        a.position - b.position ||
        a.thread.createdAt.localeCompare(b.thread.createdAt),
    )
    .map((p) => p.thread);
}
