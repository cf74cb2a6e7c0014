/**
 * Who a document's messages go to. This is the one place that decides it.
 * INTEGRATION: today every active person with one of the roles takes part in every document; once
 * per-document membership exists, read the document's members (and their role on it) here instead.
 */
import type { Role } from '../../shared/domain.ts';
import type { PersonRecord, Records } from '../storage/records.ts';

export async function recipientsOf(records: Records, documentId: string, roles: readonly Role[]): Promise<PersonRecord[]> {
  void documentId;
  return (await records.people.list()).filter((p) => p.active && roles.includes(p.role));
}
