/**
 * (k) Memory with much data on PostgreSQL: 100,000 comments over 100 documents (1,000 each, a reply
 * on every third, a disposition on half), written straight into the `threads` table in bulk (100,000
 * HTTP posts would take longer than the rest of the bench), then one `npm start` process started
 * on that database as a deployment would start it. Read: the process's RSS once started and warmed
 * up, `GET /api/documents/:id/threads` for a 1,000-comment document (the first request, which opens
 * the document, then the p95 of 20 more), and RSS again after every document's threads were read
 * once. Targets (issue 17): RSS under 200 MB at every reading, the threads list under 100 ms (p95).
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import type { ThreadRecord } from '../../server/storage/threadRecords.ts';
import { THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import { rawGet } from '../helpers/rawHttp.ts';
import type { BenchContext } from './context.ts';
import { summarize, type Figure, type ScenarioResult } from './helpers.ts';
import { vmRss } from './processes.ts';
import { deploymentUnavailable, memoryAfterGc, pidOf, startBenchDeployment } from './scaleDeployment.ts';

const DOCUMENT_IDS = Array.from({ length: 100 }, (_, i) => `bulk-${String(i + 1).padStart(3, '0')}`);
const PER_DOCUMENT = 1000;
const AUTHORS = 20;
const REPEATS = 20;
const MB = 1e6;
const TARGETS = { rssMb: 200, listMs: 100 };

async function getJson(url: string, route: string, cookie: string): Promise<unknown> {
  const res = await fetch(`${url}${route}`, { headers: { cookie } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`GET ${route}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The bytes an answer takes on the wire (node:http does not decompress), asking for `encoding`. */
async function wireBytes(url: string, route: string, cookie: string, encoding: 'gzip' | 'identity'): Promise<number> {
  const res = await rawGet(`${url}${route}`, { cookie, 'accept-encoding': encoding });
  if (res.status !== 200) throw new Error(`GET ${route}: ${res.status}`);
  return res.body.length;
}

/** Comments as the store keeps them, on whole sections (no anchor to place), from a week ago. */
function commentsOf(documentId: string, sectionIds: string[], authorIds: string[], count: number): ThreadRecord[] {
  const at = new Date(Date.now() - 7 * 86_400_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const status = i % 2 ? THREAD_STATUSES[1 + (i % (THREAD_STATUSES.length - 1))]! : 'open';
    const authorId = authorIds[i % authorIds.length]!;
    const answeredBy = authorIds[(i + 1) % authorIds.length]!;
    return {
      id: randomUUID(),
      ref: `BE-${String(i + 1).padStart(4, '0')}`,
      documentId,
      sectionId: sectionIds[i % sectionIds.length]!,
      anchor: null,
      originalQuote: '',
      kind: THREAD_KINDS[i % THREAD_KINDS.length]!,
      body: `Comment ${i + 1}: the wording of this paragraph is unclear to the people it concerns, and the second sentence repeats the first — café, Müller.`,
      proposedText: i % 3 ? null : `Proposed wording ${i + 1}, shorter and plainer than the draft's.`,
      authorId,
      createdAt: at,
      updatedAt: at,
      previousBodies: [],
      status,
      response: status === 'open' ? null : `The working group's answer to comment ${i + 1}.`,
      assigneeId: null,
      dispositions: status === 'open' ? [] : [{ status, response: `The working group's answer to comment ${i + 1}.`, assigneeId: null, byId: answeredBy, at }],
      replies: i % 3 ? [] : [{ id: randomUUID(), authorId: answeredBy, body: 'A reply that agrees, with a reason.', createdAt: at }],
      endorsements: i % 4 ? [] : [answeredBy],
      withdrawnAt: null,
    };
  });
}

export async function runMemoryAtScale(ctx: BenchContext): Promise<ScenarioResult> {
  const unavailable = await deploymentUnavailable(false);
  const rssTarget = `(k) RSS < ${TARGETS.rssMb} MB with ${(DOCUMENT_IDS.length * PER_DOCUMENT).toLocaleString('en')} comments on PostgreSQL`;
  const listTarget = `(k) GET /api/documents/:id/threads, ${PER_DOCUMENT.toLocaleString('en')} comments, p95 < ${TARGETS.listMs} ms`;
  if (unavailable) return { figures: [], verdicts: [rssTarget, listTarget].map((target) => ({ target, pass: null, detail: `not available: ${unavailable}` })), notes: [] };

  ctx.log('(k) starting a server on a fresh schema to make 100 documents and their authors…');
  const deployment = await startBenchDeployment({ instances: 1, documentIds: DOCUMENT_IDS, redis: false, memoryProbe: true });
  try {
    let url = deployment.servers[0]!.url;
    const admin = deployment.admin;
    await deployment.people(AUTHORS, 0);
    const sectionsOf = new Map<string, string[]>();
    for (const id of DOCUMENT_IDS) {
      const detail = (await getJson(url, `/api/documents/${id}`, admin)) as { sections: Array<{ id: string }> };
      sectionsOf.set(id, detail.sections.map((s) => s.id));
    }
    await deployment.stop(deployment.servers[0]!);

    ctx.log(`(k) writing ${(DOCUMENT_IDS.length * PER_DOCUMENT).toLocaleString('en')} comments into PostgreSQL…`);
    const sql = postgres(deployment.databaseUrl, { max: 1, onnotice: () => {}, connection: { search_path: deployment.schema } });
    const written = performance.now();
    try {
      const authorIds = (await sql<Array<{ id: string }>>`SELECT id FROM people ORDER BY seq`).map((r) => r.id);
      for (const documentId of DOCUMENT_IDS) {
        const rows = commentsOf(documentId, sectionsOf.get(documentId)!, authorIds, PER_DOCUMENT).map((t) => ({ id: t.id, document_id: documentId, data: sql.json(t as unknown as Parameters<typeof sql.json>[0]) }));
        await sql`INSERT INTO threads ${sql(rows, 'id', 'document_id', 'data')}`;
        await sql`INSERT INTO ref_counters (document_id, prefix, last) VALUES (${documentId}, 'BE', ${PER_DOCUMENT})`;
      }
      await sql`ANALYZE threads`;
    } finally {
      await sql.end();
    }
    const writeSeconds = (performance.now() - written) / 1000;

    ctx.log('(k) starting the server again on that data…');
    const server = await deployment.spawn();
    url = server.url;
    const pid = pidOf(server);
    // Warm-up: sign in and list the documents, as the first person of the day does.
    await getJson(url, '/api/documents', admin);
    const started = vmRss(pid);
    const startedGc = await memoryAfterGc(server);

    const doc = DOCUMENT_IDS[0]!;
    const route = `/api/documents/${doc}/threads`;
    const time = async () => {
      const from = performance.now();
      const threads = (await getJson(url, route, admin)) as unknown[];
      if (threads.length !== PER_DOCUMENT) throw new Error(`${route} answered ${threads.length} threads, not ${PER_DOCUMENT}`);
      return performance.now() - from;
    };
    const first = await time();
    const samples: number[] = [];
    for (let i = 0; i < REPEATS; i++) samples.push(await time());
    const list = summarize(samples);
    // fetch above asks for gzip, as a browser does; the plain size is what a client without it gets.
    const [gzipped, plain] = [await wireBytes(url, route, admin, 'gzip'), await wireBytes(url, route, admin, 'identity')];
    const afterOne = vmRss(pid);
    const afterOneGc = await memoryAfterGc(server);

    ctx.log('(k) reading every document\'s threads once…');
    const others: number[] = [];
    for (const id of DOCUMENT_IDS.slice(1)) {
      const from = performance.now();
      await getJson(url, `/api/documents/${id}/threads`, admin);
      others.push(performance.now() - from);
    }
    const afterReading = vmRss(pid);
    const afterReadingGc = await memoryAfterGc(server);
    const firstOfEach = summarize(others);

    const scenario = `(k) ${(DOCUMENT_IDS.length * PER_DOCUMENT).toLocaleString('en')} comments over ${DOCUMENT_IDS.length} documents, PostgreSQL, one process`;
    const figures: Figure[] = [
      { scenario, metric: 'RSS, started and warmed up', unit: 'MiB', ours: started / 2 ** 20, better: 'lower' },
      { scenario, metric: `RSS, after ${REPEATS + 1} reads of one document's threads`, unit: 'MiB', ours: afterOne / 2 ** 20, better: 'lower' },
      { scenario, metric: 'RSS, after reading every document\'s threads once', unit: 'MiB', ours: afterReading / 2 ** 20, better: 'lower' },
      { scenario, metric: 'RSS after a forced collection, started', unit: 'MiB', ours: startedGc.rss / 2 ** 20, better: 'lower' },
      { scenario, metric: 'RSS after a forced collection, after reading one document 21 times', unit: 'MiB', ours: afterOneGc.rss / 2 ** 20, better: 'lower' },
      { scenario, metric: 'RSS after a forced collection, after reading every document', unit: 'MiB', ours: afterReadingGc.rss / 2 ** 20, better: 'lower' },
      { scenario, metric: 'heap used after a forced collection, after reading every document', unit: 'MiB', ours: afterReadingGc.heapUsed / 2 ** 20, better: 'lower' },
      { scenario, metric: `GET …/threads (${PER_DOCUMENT.toLocaleString('en')} comments), first request (opens the document)`, unit: 'ms', ours: first, better: 'lower' },
      { scenario, metric: `GET …/threads (${PER_DOCUMENT.toLocaleString('en')} comments), p50 of ${REPEATS}`, unit: 'ms', ours: list.p50, better: 'lower' },
      { scenario, metric: `GET …/threads (${PER_DOCUMENT.toLocaleString('en')} comments), p95 of ${REPEATS}`, unit: 'ms', ours: list.p95, better: 'lower' },
      { scenario, metric: `GET …/threads, first request on each of the other ${others.length} documents, p95`, unit: 'ms', ours: firstOfEach.p95, better: 'lower' },
      { scenario, metric: `GET …/threads (${PER_DOCUMENT.toLocaleString('en')} comments), bytes sent, gzip accepted`, unit: 'KB', ours: gzipped / 1000, better: 'lower' },
      { scenario, metric: `GET …/threads (${PER_DOCUMENT.toLocaleString('en')} comments), bytes sent, without gzip`, unit: 'KB', ours: plain / 1000, better: 'lower' },
    ];
    const peak = Math.max(started, afterOne, afterReading);
    return {
      figures,
      verdicts: [
        { target: rssTarget, pass: peak < TARGETS.rssMb * MB, detail: `${(peak / MB).toFixed(0)} MB at most, read as the process is (${(started / MB).toFixed(0)} MB started, ${(afterOne / MB).toFixed(0)} MB after reading one document, ${(afterReading / MB).toFixed(0)} MB after reading every document); after a forced collection ${(startedGc.rss / MB).toFixed(0)}, ${(afterOneGc.rss / MB).toFixed(0)} and ${(afterReadingGc.rss / MB).toFixed(0)} MB` },
        { target: listTarget, pass: list.p95 < TARGETS.listMs, detail: `${list.p95.toFixed(1)} ms (${((list.p95 / TARGETS.listMs) * 100).toFixed(0)} % of the limit); first request ${first.toFixed(0)} ms` },
      ],
      notes: [
        `(k) the comments were written straight into PostgreSQL in ${writeSeconds.toFixed(1)} s (a bulk INSERT per document, records of the shape the store keeps: a third with a proposed wording and a reply, half answered); the server is \`node server/start.mjs\` with DATABASE_URL, started on them afterwards; RSS from /proc/PID/status, read as the process is (the verdict) and again right after a collection forced by memoryProbe.mjs, as (f) reads it; heap used after it: ${(startedGc.heapUsed / 2 ** 20).toFixed(1)} MiB started, ${(afterOneGc.heapUsed / 2 ** 20).toFixed(1)} MiB after one document, ${(afterReadingGc.heapUsed / 2 ** 20).toFixed(1)} MiB after every document. "Opens the document": the first list of a document loads its text to place the comments in document order; a document no socket opened stays in memory for its grace period (30 s) only while it is among the 8 most recently read (collab/rooms.ts, IDLE_REQUEST_ROOMS), so reading every document in turn leaves 8 open, not 100.`,
      ],
    };
  } finally {
    await deployment.close();
  }
}
