/** The audit log, for the Secretariat: on screen as JSON, or as a CSV file. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { toCsv } from '../../report/spreadsheetCsv.ts';

const Query = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export function auditRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/audit', requireSession(services), requireRole('audit.read'), validate('query', Query), async (c) => {
    const { format, limit } = c.req.valid('query');
    const events = await services.audit.list({ limit });
    if (format === 'json') return c.json(events);
    const rows = events.map((e) => [e.at, e.actorName ?? '', e.actorId ?? '', e.action, e.target ?? '', JSON.stringify(e.detail)]);
    c.header('Content-Disposition', 'attachment; filename="accord-audit-log.csv"');
    return c.body(toCsv(['at', 'actor', 'actor_id', 'action', 'target', 'detail'], rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
