/**
 * The consolidated feedback report from the command line, without a running server:
 *
 *   npm run report -- --document ID [--format json|csv|md|xlsx|docx|pdf] [--out FILE|-]
 *                     [--sections ID,ID] [--stakeholders government,...] [--statuses open,...]
 *                     [--no-replies] [--anonymous] [--lang en|fr]
 *
 * Reads DATA_DIR (default ./data) directly and only reads: it is safe beside a server using the same
 * data, and then reports what that server had written to disk (at most a second behind).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../server/config.ts';
import { DomainError } from '../server/errors.ts';
import { openLowdbRecords } from '../server/storage/lowdbRecords.ts';
import { openLowdbThreads } from '../server/storage/lowdbThreads.ts';
import { openLowdbVersions } from '../server/storage/lowdbVersions.ts';
import { buildReport } from '../server/report/build.ts';
import { ReportQuery, reportOptions } from '../server/report/options.ts';
import { renderReport } from '../server/report/render.ts';
import { textsFromLogFiles } from '../server/report/sources.ts';

const USAGE = `Usage: npm run report -- --document ID [--format json|csv|md|xlsx|docx|pdf] [--out FILE|-]
         [--sections ID,ID] [--stakeholders government,civil-society,international,other]
         [--statuses open,accepted,partially-accepted,not-accepted,noted] [--no-replies] [--anonymous] [--lang en|fr]
The words of the file are in English unless --lang says otherwise.
Reads the data in DATA_DIR (default ./data). --out defaults to <document>-disposition-of-comments.<format>; "-" writes to standard output.`;

class UsageError extends Error {}

// `npm run report -- … --out - | head`: when the reader stops reading, that is the end, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

function readArguments(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        document: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        sections: { type: 'string' },
        stakeholders: { type: 'string' },
        statuses: { type: 'string' },
        'no-replies': { type: 'boolean' },
        anonymous: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  if (!values.document) throw new UsageError('--document is required');
  // The same schema as the HTTP route's query, so both accept and refuse the same things.
  const parsed = ReportQuery.safeParse({
    format: values.format,
    sections: values.sections,
    stakeholders: values.stakeholders,
    statuses: values.statuses,
    replies: values['no-replies'] ? 'false' : undefined,
    anonymous: values.anonymous ? 'true' : undefined,
    lang: values.lang,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid value'}`);
  }
  return { documentId: values.document, out: values.out, query: parsed.data };
}

async function main(argv: string[]): Promise<number> {
  const args = readArguments(argv);
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const { dataDir, databaseUrl, publicUrl } = parseConfig(process.env);
  if (databaseUrl) throw new UsageError('DATABASE_URL is set: the data is in PostgreSQL; take the report from the server (GET /api/documents/:id/report).');
  if (!(await fs.stat(path.join(dataDir, 'accord.json')).catch(() => null))) {
    throw new UsageError(`No Accord data in ${dataDir}: set DATA_DIR to the folder the server uses.`);
  }
  const records = await openLowdbRecords(dataDir);
  const threads = await openLowdbThreads(dataDir);
  // Opening reads versions.json only; nothing here takes a version, so nothing is written.
  const stored = await openLowdbVersions(dataDir);
  try {
    if (!(await records.documents.get(args.documentId))) {
      const known = (await records.documents.list()).map((d) => d.id);
      throw new UsageError(`No document "${args.documentId}" in ${dataDir}. Documents: ${known.join(', ') || 'none'}.`);
    }
    const report = await buildReport({ records, threads, versions: stored.versions, texts: textsFromLogFiles(dataDir) }, args.documentId, reportOptions(args.query), args.query.lang);
    // As the server's files do, those made here link each comment to the site when its address is known.
    if (args.query.format !== 'json' && publicUrl) report.document.origin = publicUrl;
    const file = await renderReport(report, args.query.format, args.query.lang);
    if (args.out === '-') {
      process.stdout.write(file.body);
    } else {
      const out = path.resolve(args.out ?? file.fileName);
      await fs.writeFile(out, file.body);
      console.error(`Wrote ${out} (${report.summary.threads} comments in ${report.sections.length} sections).`);
    }
    return 0;
  } finally {
    await stored.close();
    await threads.close();
    await records.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DomainError) {
      console.error(`report: ${error.message}`);
      if (error instanceof UsageError) console.error(USAGE);
    } else {
      console.error('report: failed', error);
    }
    process.exitCode = 1;
  },
);
