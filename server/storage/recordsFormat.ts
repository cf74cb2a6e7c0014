/**
 * The format versions of the records file (`accord.json`) and the migration from each to the next.
 * A data folder written by an earlier release opens unchanged and is brought up to date once, at
 * start, in one durable write; one written by a later release is refused, never rewritten.
 *
 * 1: people, sessions, documents; every person took part in every document with their own role.
 * 2: memberships: who takes part in which document, with which role there.
 */
import type { DocumentRecord, MembershipRecord, PersonRecord, SessionRecord } from './records.ts';

export const RECORDS_FORMAT = 2;

export interface RecordsShape {
  format: number;
  seeded: boolean;
  people: PersonRecord[];
  sessions: SessionRecord[];
  documents: DocumentRecord[];
  memberships: MembershipRecord[];
}

export const emptyRecords = (): RecordsShape => ({ format: RECORDS_FORMAT, seeded: false, people: [], sessions: [], documents: [], memberships: [] });

export const isRecordsShape = (data: RecordsShape): boolean =>
  data !== null &&
  typeof data === 'object' &&
  Number.isInteger(data.format) &&
  data.format >= 1 &&
  Array.isArray(data.people) &&
  Array.isArray(data.sessions) &&
  Array.isArray(data.documents) &&
  (data.format < 2 || Array.isArray(data.memberships));

/** Brings data of an earlier format up to RECORDS_FORMAT, in place. */
export function migrateRecords(data: RecordsShape, at: string): void {
  if (data.format < 2) {
    // Before memberships, everyone saw every document with their own role: keep exactly that.
    data.memberships = [];
    for (const document of data.documents) {
      for (const person of data.people) {
        if (person.role === 'secretariat') continue;
        data.memberships.push({ documentId: document.id, personId: person.id, role: person.role, addedAt: at });
      }
    }
    data.format = 2;
  }
}
