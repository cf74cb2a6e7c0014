/**
 * The documents list: the documents a person takes part in (the Secretariat: all of them), with
 * their role on each and how many comments are there and not yet answered.
 */
import type { DocumentListEntry } from '../../shared/api.ts';
import type { Role } from '../../shared/domain.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import { presentDocumentSummary } from './present.ts';

export async function documentsOf(records: Records, threads: ThreadRepo, person: PersonRecord, options: { withArchived?: boolean } = {}): Promise<DocumentListEntry[]> {
  const documents = (await records.documents.list()).filter((d) => options.withArchived || !d.archived);
  let taking: Array<{ document: DocumentRecord; role: Role }>;
  if (person.role === 'secretariat') {
    taking = documents.map((document) => ({ document, role: 'secretariat' }));
  } else {
    const roles = new Map((await records.memberships.forPerson(person.id)).map((m) => [m.documentId, m.role]));
    taking = documents.flatMap((document) => {
      const role = roles.get(document.id);
      return role ? [{ document, role }] : [];
    });
  }
  // Counted by the store: reading every comment of every document held them all in memory at once.
  const counts = await threads.counts(taking.map((t) => t.document.id));
  return taking.map(({ document, role }) => {
    const { live, unanswered } = counts.get(document.id) ?? { live: 0, unanswered: 0 };
    return { ...presentDocumentSummary(document), reference: document.reference ?? '', role, comments: live, unanswered };
  });
}
