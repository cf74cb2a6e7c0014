/** The audit log as the server gives it (newest first), and the address of its CSV file. */
import type { AuditEvent } from '../../shared/api.ts';
import { requestJson } from '../api.ts';

export type { AuditEvent } from '../../shared/api.ts';

export const AUDIT_CSV_URL = '/api/audit?format=csv';

export const auditApi = {
  list: () => requestJson<AuditEvent[]>('GET', '/api/audit'),
};
