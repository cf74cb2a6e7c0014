/**
 * (g) A crowd on one document: a public consultation's webinar. 2,000 read-only participants and 5
 * typing editors on one real draft for 60 s, and 50 people posting comments over REST meanwhile
 * (quick: 400 readers, 10 commenters, 10 s). Measured the way an outsider does: each server in its
 * own process (ours as `npm start` runs it), the readers as light clients (lightReader.ts) spread
 * over several client processes, the editors and the commenters in processes of their own; the
 * clients' CPU is reported, so that it is plain the server, not the crowd, sets the pace.
 * Against the reference without its echo (there is no REST on it, so no commenters there).
 */
import type { BenchContext } from './context.ts';
import { summarize, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';
import { mergeInto, newHistogram, summarizeHistogram } from './histogram.ts';
import type { CrowdEditorsParams, CrowdReadersOutcome, Send } from './crowdClients.ts';
import { firstSectionId, startOutside, type OutsideSide } from './outsideServers.ts';
import path from 'node:path';
import { memoryOf, processCpuMs, profileWindow, startClientProcesses, type ClientProcess } from './processes.ts';

const DOCUMENT = 'crowd';
const READER_PROCESSES = 4;
const KiB = 1024;

interface SideOutcome {
  delivery: ReturnType<typeof summarizeHistogram>;
  missing: number;
  dropped: number;
  rssPerConnection: number;
  heapPerConnection: number;
  serverCpuPercent: number | null;
  probe: ReturnType<typeof summarize>;
  comments: ReturnType<typeof summarize> | null;
  commentFailures: number;
  readerCpuPercent: number[];
  editorCpuPercent: number;
  /** The commenters' process, over warm-up and typing; null where there are none (the reference). */
  commenterCpuPercent: number | null;
  stalls: string[];
  /** Per reader, over the typing: messages and bytes received (all types). */
  messagesPerReader: number;
  bytesPerReader: number;
  /** Updates the editors sent over the measured typing. */
  sends: number;
}

/** GET /api/health every 100 ms: its latency is the event loop's lag as a client feels it. */
function probeHealth(httpUrl: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const started = performance.now();
      await fetch(`${httpUrl}/api/health`).then((res) => res.arrayBuffer()).catch(() => undefined);
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      return times;
    },
  };
}

async function crowdOn(side: OutsideSide, processes: { readers: ClientProcess[]; editors: ClientProcess; commenters: ClientProcess }, p: {
  readers: number;
  editors: string[];
  commenters: { url: string; cookies: string[]; sectionId: string } | null;
  warmupMs: number;
  durationMs: number;
  /** With --profile: a CPU profile of our server over the typing, written to this file. */
  profileFile?: string;
  log(line: string): void;
}): Promise<SideOutcome> {
  const { server, endpoint } = side;
  // One reader first, so the document is open (and its code loaded) before the baseline; memory is
  // read twice after a GC and the lower kept, as the first collection may still hand pages back.
  const join = (process: ClientProcess, count: number) => process.call('crowdJoin', { wsUrl: endpoint.wsUrl, documentId: DOCUMENT, cookies: endpoint.readers, count });
  await join(processes.readers[0]!, 1);
  const settled = async () => {
    const [a, b] = [await memoryOf(server), await memoryOf(server)];
    return { rss: Math.min(a.rss, b.rss), heapUsed: Math.min(a.heapUsed, b.heapUsed) };
  };
  const before = await settled();
  const rest = p.readers - 1;
  const share = Math.ceil(rest / processes.readers.length);
  p.log(`(g) ${p.readers} light readers joining ${endpoint.side} from ${processes.readers.length} processes…`);
  await Promise.all(processes.readers.map((process, i) => join(process, Math.max(0, Math.min(share, rest - i * share)))));
  const joined = await settled();
  const stallsBefore = server.stderr.length;
  p.log(`(g) ${p.editors.length} editors typing on ${endpoint.side}${p.commenters ? `, ${p.commenters.cookies.length} people commenting` : ''}…`);
  const probe = probeHealth(server.url);
  await Promise.all(processes.readers.map((process) => process.call('crowdMark', {})));
  const profiling = p.profileFile ? profileWindow(server) : undefined;
  await profiling?.started;
  const readersFrom = performance.now();
  const cpuBefore = processCpuMs(server.pid);
  const [typed, commented] = await Promise.all([
    processes.editors.call<{ sends: Send[]; cpuMs: number }>('crowdEditors', {
      wsUrl: endpoint.wsUrl,
      documentId: DOCUMENT,
      cookies: p.editors,
      updatesPerSecond: 5,
      warmupMs: p.warmupMs,
      durationMs: p.durationMs,
      seed: 7,
    } satisfies CrowdEditorsParams),
    p.commenters
      ? processes.commenters.call<{ times: number[]; failures: number; cpuMs: number }>('crowdComments', {
          url: p.commenters.url,
          documentId: DOCUMENT,
          sectionId: p.commenters.sectionId,
          cookies: p.commenters.cookies,
          everyMs: 6000,
          durationMs: p.warmupMs + p.durationMs,
        })
      : Promise.resolve(null),
  ]);
  const cpuAfter = processCpuMs(server.pid);
  await profiling?.stop(p.profileFile!);
  const typingMs = p.warmupMs + p.durationMs;
  // Deliveries still on their way when the typing stopped.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const readersMs = performance.now() - readersFrom;
  const finished = await Promise.all(processes.readers.map((process) => process.call<CrowdReadersOutcome>('crowdFinish', { sends: typed.sends })));
  const histogram = newHistogram();
  for (const outcome of finished) mergeInto(histogram, outcome.histogram);
  const connections = rest;
  return {
    delivery: summarizeHistogram(histogram),
    missing: finished.reduce((sum, o) => sum + o.missing, 0),
    dropped: finished.reduce((sum, o) => sum + o.dropped, 0),
    rssPerConnection: (joined.rss - before.rss) / connections,
    heapPerConnection: (joined.heapUsed - before.heapUsed) / connections,
    serverCpuPercent: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) / typingMs) * 100,
    probe: summarize(await probe.stop()),
    comments: commented ? summarize(commented.times) : null,
    commentFailures: commented?.failures ?? 0,
    readerCpuPercent: finished.map((o) => (o.cpuMs / readersMs) * 100),
    editorCpuPercent: (typed.cpuMs / p.durationMs) * 100,
    commenterCpuPercent: commented ? (commented.cpuMs / typingMs) * 100 : null,
    stalls: server.stderr.slice(stallsBefore).filter((line) => line.includes('stalled')),
    messagesPerReader: finished.reduce((sum, o) => sum + o.messages, 0) / p.readers,
    bytesPerReader: finished.reduce((sum, o) => sum + o.bytes, 0) / p.readers,
    sends: typed.sends.length,
  };
}

export async function runCrowd(ctx: BenchContext): Promise<ScenarioResult> {
  const quick = ctx.options.quick;
  const readers = quick ? 400 : 2000;
  const commenterCount = quick ? 10 : 50;
  const durationMs = quick ? 10_000 : 60_000;
  const warmupMs = quick ? 2000 : 5000;
  const servers = await startOutside({ documentIds: [DOCUMENT], writers: 5, readers: 20, commenters: commenterCount, log: ctx.log });
  const clientProcesses = startClientProcesses(READER_PROCESSES + 2);
  const processes = { readers: clientProcesses.slice(0, READER_PROCESSES), editors: clientProcesses[READER_PROCESSES]!, commenters: clientProcesses[READER_PROCESSES + 1]! };
  try {
    const sectionId = await firstSectionId(servers.ours.url, servers.ours.admin, DOCUMENT);
    const common = { readers, warmupMs, durationMs, log: ctx.log };
    // Each server has its own copy of the document and one run on it: the reference first, then ours.
    const reference = await crowdOn(servers.referenceNoEcho, processes, { ...common, editors: [...Array(5)].map(() => ''), commenters: null });
    await servers.referenceNoEcho.idle();
    const ours = await crowdOn(servers.ours, processes, { ...common, editors: servers.ours.endpoint.writers, commenters: { url: servers.ours.url, cookies: servers.ours.commenters, sectionId },
      profileFile: ctx.outside?.profileDir && path.join(ctx.outside.profileDir, 'crowd-typing.cpuprofile'),
    });
    return present(ours, reference, { readers, durationMs, warmupMs, commenterCount, quick });
  } finally {
    await Promise.all(clientProcesses.map((process) => process.close()));
    await servers.close();
  }
}

function present(ours: SideOutcome, reference: SideOutcome, p: { readers: number; durationMs: number; warmupMs: number; commenterCount: number; quick: boolean }): ScenarioResult {
  const scenario = `(g) crowd, ${p.readers.toLocaleString('en')} light readers + 5 editors on one document, ${p.durationMs / 1000} s`;
  const row = (metric: string, unit: string, o: number | null, r: number | null, better: 'lower' | 'higher' = 'lower'): Figure => ({ scenario, metric, unit, ours: o, referenceNoEcho: r, better });
  const figures: Figure[] = [
    row('edit → each reader, p50', 'ms', ours.delivery.p50, reference.delivery.p50),
    row('edit → each reader, p99', 'ms', ours.delivery.p99, reference.delivery.p99),
    row('deliveries measured (updates × readers)', 'count', ours.delivery.count, reference.delivery.count, 'higher'),
    row('server RSS per connection', 'KiB', ours.rssPerConnection / KiB, reference.rssPerConnection / KiB),
    row('server heap per connection', 'KiB', ours.heapPerConnection / KiB, reference.heapPerConnection / KiB),
    row('server process CPU while typing', '% core', ours.serverCpuPercent, reference.serverCpuPercent),
    row('GET /api/health every 100 ms (event-loop lag), p99', 'ms', ours.probe.p99, reference.probe.p99),
    row('GET /api/health, max', 'ms', ours.probe.max, reference.probe.max),
    row('comment POST, p95', 'ms', ours.comments?.p95 ?? null, null),
    row('reader processes CPU, busiest', '% core', Math.max(...ours.readerCpuPercent), Math.max(...reference.readerCpuPercent)),
    row('editors process CPU', '% core', ours.editorCpuPercent, reference.editorCpuPercent),
    row('commenters process CPU', '% core', ours.commenterCpuPercent, null),
  ];
  const ratio = ours.delivery.p99 / reference.delivery.p99;
  const verdicts: Verdict[] = [
    {
      target: '(g) crowd: delivery p99 ≤ 0.9× the reference without echo (same run)',
      pass: ours.missing === 0 && ratio <= 0.9,
      detail: `${ours.delivery.p99.toFixed(1)} ms vs ${reference.delivery.p99.toFixed(1)} ms (${(ratio * 100).toFixed(0)} %)`,
    },
    { target: '(g) crowd: < 20 KiB server RSS per connection', pass: ours.rssPerConnection < 20 * KiB, detail: `${(ours.rssPerConnection / KiB).toFixed(1)} KiB (heap ${(ours.heapPerConnection / KiB).toFixed(1)} KiB)` },
    {
      target: '(g) crowd: comment POST p95 < 100 ms while the crowd reads',
      pass: ours.comments && ours.comments.count > 0 && ours.commentFailures === 0 ? ours.comments.p95 < 100 : false,
      detail: `${ours.comments?.p95.toFixed(0) ?? '–'} ms over ${ours.comments?.count ?? 0} comments (${ours.commentFailures} refused or failed)`,
    },
  ];
  const cpus = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const notes = [
    `(g) ${p.readers} light readers (raw ws, y-websocket protocol, update metadata only) over 4 processes sharing 20 participant sessions; 5 editors (stock clients, 1–3 characters 5 times a second each) in a fifth; ${p.commenterCount} working-group members (participants may not comment in revision) each posting a comment every 6 s over REST in a sixth, on ours only. ${p.warmupMs / 1000} s of typing before the measured ${p.durationMs / 1000} s.`,
    `(g) per reader, from the start of the typing: ours ${ours.messagesPerReader.toFixed(0)} messages, ${(ours.bytesPerReader / KiB).toFixed(1)} KiB for ${ours.sends} measured edits; reference ${reference.messagesPerReader.toFixed(0)} messages, ${(reference.bytesPerReader / KiB).toFixed(1)} KiB for ${reference.sends}.`,
    `(g) reader processes' CPU (% of a core each): ours ${cpus(ours.readerCpuPercent)}; reference ${cpus(reference.readerCpuPercent)}. Missing deliveries: ours ${ours.missing}, reference ${reference.missing}; readers dropped: ours ${ours.dropped}, reference ${reference.dropped}.`,
  ];
  if (ours.stalls.length) notes.push(`(g) our server logged: ${ours.stalls.join(' | ')}`);
  return { figures, verdicts, notes };
}
