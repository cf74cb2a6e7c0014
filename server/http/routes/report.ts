/** The consolidated feedback report of a document, as JSON or as a file (docs/REPORT.md). */
import { Hono } from 'hono';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireRole } from '../middleware.ts';
import { DocumentParam } from './documents.ts';
import { buildReport, type ReportSource } from '../../report/build.ts';
import { fileLanguage, ReportQuery, reportOptions } from '../../report/options.ts';
import { renderReport } from '../../report/render.ts';
import { textsFromRooms } from '../../report/sources.ts';
import { warmRenderer } from '../../report/offThread.ts';

export function reportRoutes(services: Services) {
  const source: ReportSource = { records: services.records, threads: services.threads, versions: services.versions, texts: textsFromRooms(services.collab.rooms) };
  // The session is checked by the /api/documents/* middleware of documentRoutes.
  return new Hono<AppEnv>().get('/api/documents/:id/report', requireRole('report.read'), validate('param', DocumentParam), validate('query', ReportQuery), async (c) => {
    const query = c.req.valid('query');
    const language = fileLanguage(query.lang, c.get('person')?.language);
    const report = await buildReport(source, c.req.valid('param').id, reportOptions(query), language);
    // JSON threads carry their link as a path; files, read away from the site, need the whole address.
    if (query.format === 'json') {
      // The report page asked: its downloads are likely next, so the file worker gets ready now.
      void warmRenderer();
      return c.json(report);
    }
    report.document.origin = services.config.publicUrl ?? new URL(c.req.url).origin;
    const file = await renderReport(report, query.format, language);
    return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
  });
}
