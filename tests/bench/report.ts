/**
 * How long the consolidated report takes for 1,000 and 10,000 threads (not a test: run it and read
 * the figures). `node --import tsx tests/bench/report.ts [counts...]`
 *
 * The threads are written straight into a temporary DATA_DIR's thread file (inserting 10,000 one by
 * one through the ThreadRepo would rewrite the file 10,000 times), then a real server is started on
 * it. Timed: listThreads, buildReport, each renderer, the HTTP answer for JSON, DOCX and PDF, the
 * longest the event loop was held while a DOCX and a PDF were made, and the PDF's ratio to a
 * reference made in the same run (the same words as plain pdfkit lines, tests/bench/pdfReference.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SEED_IDS, startTestServer, tempDataDir } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { listThreads } from '../../server/threads/threads.ts';
import { buildReport } from '../../server/report/build.ts';
import { renderReport } from '../../server/report/render.ts';
import { textsFromRooms } from '../../server/report/sources.ts';
import { plainLinesPdf } from './pdfReference.ts';
import { rendererIdle } from '../../server/report/offThread.ts';
import { REPORT_FORMATS, type ReportOptions } from '../../server/report/types.ts';
import type { ThreadRecord } from '../../server/storage/threadRecords.ts';
import { THREAD_KINDS, THREAD_STATUSES, STAKEHOLDERS } from '../../shared/domain.ts';
import type { Person } from '../../shared/api.ts';

const DOC = SEED_IDS[0];
const OPTIONS: ReportOptions = { replies: true, anonymous: false };
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`  ${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
}

async function bench(count: number): Promise<void> {
  const dataDir = tempDataDir();
  let t = await startTestServer({ dataDir });
  const people: Person[] = [];
  for (let i = 0; i < 20; i++) people.push((await t.person({ country: ['DE', 'FR', 'ES', 'JO', 'BR'][i % 5]!, stakeholder: STAKEHOLDERS[i % 4], name: `Commenter ${i} é` })).person);
  const targets = await t.server.services.collab.rooms.use(DOC, (room) =>
    paragraphs(room.doc).flatMap((p) => [0, 20, 40].map((from) => ({ sectionId: p.sectionId, ...anchorOn(p.text, from, from + 15) }))),
  );
  await t.server.close();

  const at = new Date().toISOString();
  // Replied to before the mail catch-up's window (mail/catchUp.ts): threads written straight into the
  // file never went through the notifier, and 3,000 e-mails queued and sent at start would run beside
  // what is measured here.
  const replied = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const threads: ThreadRecord[] = Array.from({ length: count }, (_, i) => {
    const target = targets[i % targets.length]!;
    const whole = i % 5 === 0;
    const author = people[i % people.length]!;
    const status = THREAD_STATUSES[i % THREAD_STATUSES.length]!;
    return {
      id: crypto.randomUUID(),
      ref: `${author.country}-${String(i + 1).padStart(3, '0')}`,
      documentId: DOC,
      sectionId: target.sectionId,
      anchor: whole ? null : target.anchor,
      originalQuote: whole ? '' : target.quote,
      kind: THREAD_KINDS[i % THREAD_KINDS.length]!,
      body: `Comment ${i}: the wording, "as drafted", is unclear — café, niño, Müller, مرحبا 😀.\nA second line.`,
      proposedText: i % 2 ? `Proposed wording ${i}.` : null,
      authorId: author.id,
      createdAt: at,
      updatedAt: at,
      previousBodies: [],
      status,
      response: status === 'open' ? null : `Answer to ${i}.`,
      assigneeId: null,
      dispositions: [],
      replies: i % 3 ? [] : [{ id: crypto.randomUUID(), authorId: people[(i + 1) % people.length]!.id, body: 'A reply.', createdAt: replied }],
      endorsements: i % 4 ? [] : [people[(i + 2) % people.length]!.id],
      withdrawnAt: null,
    };
  });
  writeFileSync(path.join(dataDir, 'threads', `${DOC}.json`), JSON.stringify({ format: 1, threads }));
  t = await startTestServer({ dataDir });
  // The render worker kept and warmed as `npm start` keeps it (server/main.ts). Left at the 2 s of
  // tests and the CLI, it stopped while the reference below held this thread for as long, and the
  // PDF over HTTP was timed in a new worker: libraries loaded, code compiled and heap grown again,
  // 1.7 s more than in the warm worker (3.9 s against 2.2 s on 3 December), which a running server
  // does not spend.
  rendererIdle(15 * 60_000);
  const services = t.server.services;
  const source = { records: services.records, threads: services.threads, texts: textsFromRooms(services.collab.rooms) };

  console.log(`${count} threads`);
  // Keep the room open, as it is while anyone edits, so loading the text is not timed every call.
  await services.collab.rooms.use(DOC, async () => {
    await time('listThreads (warm-up)', () => listThreads(services, DOC));
    await time('listThreads', () => listThreads(services, DOC));
    const report = await time('buildReport', () => buildReport(source, DOC, OPTIONS));
    for (const format of REPORT_FORMATS) {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const file = await time(`render ${format}`, () => renderReport(report, format));
      // The delay of the last block is only recorded when the monitor's next timer fires.
      await new Promise((resolve) => setTimeout(resolve, 20));
      histogram.disable();
      console.log(`  ${''.padEnd(34)} ${(file.body.length / 1024).toFixed(0).padStart(6)} KiB, event loop held at most ${(histogram.max / 1e6).toFixed(0)} ms`);
    }
    // The PDF against a reference made in this run: the same words as plain pdfkit lines
    // (tests/bench/pdfReference.ts), so the figure holds whatever the machine's load.
    const reference = await time('reference: PDF of plain lines', () => plainLinesPdf(report));
    const pdfStarted = performance.now();
    await renderReport(report, 'pdf');
    const pdfMs = performance.now() - pdfStarted;
    const referenceStarted = performance.now();
    await plainLinesPdf(report);
    const referenceMs = performance.now() - referenceStarted;
    console.log(`  PDF ratio to reference              ${(pdfMs / referenceMs).toFixed(2)} (${pdfMs.toFixed(0)} ms against ${referenceMs.toFixed(0)} ms, ${(reference.length / 1024).toFixed(0)} KiB)`);
    for (const format of ['json', 'docx', 'pdf']) {
      await time(`GET ?format=${format} (HTTP)`, async () => {
        const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=${format}`, { headers: { cookie: t.adminCookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      });
    }
  });
  await t.close();
}

for (const count of counts.length ? counts : [1000, 10_000]) await bench(count);
// Back to the default of tests and the CLI: the rest of `npm run bench` runs in this process, and
// must neither keep this worker (its heap grown for 10,000 comments) nor have pages warm one.
rendererIdle(2000, false);
