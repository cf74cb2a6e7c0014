/** A thread record as the stores keep it, for tests that write records straight into a store. */
import { randomUUID } from 'node:crypto';
import type { NewThreadRecord } from '../../server/storage/threadRecords.ts';

export function newThreadRecord(overrides: Partial<NewThreadRecord> = {}): NewThreadRecord {
  const createdAt = overrides.createdAt ?? '2025-03-01T10:00:00.000Z';
  return {
    id: randomUUID(),
    documentId: 'doc',
    sectionId: 'section',
    anchor: null,
    originalQuote: '',
    kind: 'general',
    body: 'A comment.',
    proposedText: null,
    authorId: 'author',
    createdAt,
    updatedAt: createdAt,
    previousBodies: [],
    status: 'open',
    response: null,
    assigneeId: null,
    dispositions: [],
    replies: [],
    endorsements: [],
    withdrawnAt: null,
    ...overrides,
  };
}
