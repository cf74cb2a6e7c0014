/**
 * The audit log in PostgreSQL: one row per event, inserted (and committed) before record() resolves.
 * Nothing updates or deletes a row.
 */
import type { AuditEvent, AuditLog } from '../auditLog.ts';
import { guarded, type Sql } from './db.ts';

export function pgAudit(sql: Sql): AuditLog {
  const log: AuditLog = {
    async record(event) {
      const line = { at: new Date().toISOString(), ...event };
      await sql`INSERT INTO audit (data) VALUES (${sql.json(line as Parameters<Sql['json']>[0])})`;
    },
    async list(options = {}) {
      const rows = options.limit
        ? await sql<Array<{ data: AuditEvent }>>`SELECT data FROM audit ORDER BY seq DESC LIMIT ${options.limit}`
        : await sql<Array<{ data: AuditEvent }>>`SELECT data FROM audit ORDER BY seq DESC`;
      return rows.map((r) => r.data);
    },
    close: async () => {},
  };
  return guarded(log);
}
