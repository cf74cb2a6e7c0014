/** What a client sees of a document record; the domain publishes it in live events, the routes answer with it. */
import type { DocumentSummary } from '../../shared/api.ts';
import type { DocumentRecord } from '../storage/records.ts';

export const presentDocumentSummary = (d: DocumentRecord): DocumentSummary => ({
  id: d.id,
  title: d.title,
  phase: d.phase,
  deadline: d.deadline,
});

/** Records older than the field are of the first generation. */
export const generationOf = (d: DocumentRecord): string => d.generation ?? '1';
