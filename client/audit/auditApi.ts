/** The audit log as the server gives it (newest first), and the address of its CSV file. */
import { requestJson } from '../api.ts';

export interface AuditEvent {
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** What happened, e.g. `person.invite`, `document.phase`. */
  action: string;
  /** What it happened to: a person, a document, a comment… by id. */
  target: string | null;
  detail: Record<string, unknown>;
}

export const AUDIT_CSV_URL = '/api/audit?format=csv';

export const auditApi = {
  list: () => requestJson<AuditEvent[]>('GET', '/api/audit'),
};
