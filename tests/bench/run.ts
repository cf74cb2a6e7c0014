/**
 * `npm run bench [-- --quick] [-- --only a,b] [-- --write] [-- --in-process | --profile]`: every scenario against our server and,
 * where the protocol allows, the reference y-websocket server, in one run on this machine; prints
 * the figures, their ratios and the targets' verdicts. A full run (or --write) also rewrites the
 * results section of docs/benchmarks.md. Exits 1 when a scenario could not run or a correctness
 * check failed (a failed performance target is a finding, not an error).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startClientThread } from './clientThread.ts';
import type { BenchContext } from './context.ts';
import { DOCUMENTS, machine, within, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';
import { resultsMarkdown, writeResults, DOCS_FILE } from './publish.ts';
import { startOurs, startReference } from './servers.ts';
import { runFanout } from './fanout.ts';
import { runTraceReplay } from './traceReplay.ts';
import { runJoinStorm } from './joinStorm.ts';
import { runReports } from './reports.ts';
import { runBrowserOpen } from './browserOpen.ts';
import { runMemory } from './memory.ts';
import { runImportWord } from './importWord.ts';
import { runFirstDownload } from './firstDownload.ts';
import { runCrowd } from './crowd.ts';
import { runScaleOut } from './scaleOut.ts';
import { runMemoryAtScale } from './memoryAtScale.ts';
import { startOutside } from './outsideServers.ts';
import { startClientProcesses } from './processes.ts';
import { formatSummary, summarizeProfile } from './profileSummary.ts';

const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  a: runFanout,
  b: runTraceReplay,
  c: runJoinStorm,
  d: runReports,
  e: runBrowserOpen,
  f: runMemory,
  g: runCrowd,
  h: runImportWord,
  i: runFirstDownload,
  j: runScaleOut,
  k: runMemoryAtScale,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    write: { type: 'boolean', default: false },
    // (a) measures as an outsider does by default: the servers in processes of their own (ours as
    // `npm start` runs it), the clients in another. --in-process: servers and clients on threads of
    // this process, as the bench did before issue #19. --outside is accepted and is the default.
    'in-process': { type: 'boolean', default: false },
    outside: { type: 'boolean', default: false },
    // Our server under --cpu-prof, and (a)'s runs on it profiled; summarised at the end.
    profile: { type: 'boolean', default: false },
  },
});
if (values['in-process'] && (values.outside || values.profile)) throw new Error('--in-process cannot go with --outside or --profile (which profiles our server in its own process)');
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SCENARIOS);
const unknown = chosen.filter((s) => !SCENARIOS[s]);
if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);

const startedAt = new Date();
const loadAtStart = os.loadavg()[0] ?? 0;
const started = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
const options = { quick: values.quick };
const figures: Figure[] = [];
const verdicts: Verdict[] = [];
const notes: string[] = [];
const errors: string[] = [];

log(`${options.quick ? 'quick' : 'full'} run of ${chosen.join(', ')}; starting both servers…`);
const clients = startClientThread();
const watcher = startClientThread();
const ours = await startOurs({ writers: 50, readers: 40 });
const reference = await startReference('echo');
const referenceNoEcho = await startReference('no-echo');
// The references start from the same text as ours.
for (const id of ours.documentIds) {
  const state = await ours.stateOf(id);
  reference.prime(id, state);
  referenceNoEcho.prime(id, state);
}
await ours.idle();
const profileDir = values.profile ? mkdtempSync(path.join(os.tmpdir(), 'accord-bench-profile-')) : undefined;
const outside = chosen.includes('a') && !values['in-process']
  ? {
      servers: await startOutside({ documentIds: [DOCUMENTS.fanoutOne, ...DOCUMENTS.fanoutMany], writers: 50, readers: 40, stockReference: true, cpuProfileDir: profileDir, log }),
      clients: startClientProcesses(1)[0]!,
      profileDir,
    }
  : undefined;
const ctx: BenchContext = { options, clients, watcher, ours, reference, referenceNoEcho, outside, log };

for (const key of chosen) {
  try {
    const result = await SCENARIOS[key]!(ctx);
    figures.push(...result.figures);
    verdicts.push(...result.verdicts);
    notes.push(...result.notes);
  } catch (error) {
    const message = `(${key}) failed: ${(error as Error).stack ?? String(error)}`;
    console.error(message);
    errors.push(message);
    verdicts.push({ target: `(${key}) scenario ran`, pass: false, detail: (error as Error).message.split('\n')[0] ?? '' });
  }
}

if (outside) {
  await within(Promise.all([outside.clients.close(), outside.servers.close()]), 30_000, 'the outside servers to stop').catch((error: Error) => log(error.message));
  notes.push('(a) measured from outside: each server in a process of its own (ours as `npm start` runs it), the clients in a child process; server CPU is the whole process\'s (GC and helper threads included), read per thread to the nanosecond.');
}
if (profileDir) {
  // (a)'s windows first (the typing only), then --cpu-prof's whole life of the server (start-up and setup included).
  const files = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile')).toSorted((a, b) => Number(a.startsWith('CPU')) - Number(b.startsWith('CPU')) || a.localeCompare(b));
  for (const file of files) {
    log(`our server's CPU profile ${path.join(profileDir, file)}:`);
    console.error(formatSummary(summarizeProfile(path.join(profileDir, file)), 20));
  }
  if (!files.length) log('our server wrote no CPU profile');
  notes.push('--profile: our server ran under --cpu-prof and, during each (a) run on it, the inspector\'s sampling profiler; both cost CPU, so this run\'s (a) figures for ours are not comparable with the references\' and its verdicts are not to be read.');
}

const run = { machine: machine(loadAtStart), quick: options.quick, startedAt, seconds: (performance.now() - started) / 1000, figures, verdicts, notes, errors };
const markdown = resultsMarkdown(run);
console.log(`\n${markdown}\n`);
// Only a full run of every scenario replaces the published results (or --write, on purpose).
if ((!options.quick && !values.only) || values.write) {
  writeResults(markdown);
  log(`results written to ${DOCS_FILE}`);
}
// Bounded: the results are out already, and a stop that hangs must not hang the run.
await within(Promise.all([clients.close(), watcher.close(), reference.close(), referenceNoEcho.close(), ours.close()]), 15_000, 'the servers to stop').catch((error: Error) => log(error.message));
process.exit(errors.length ? 1 : 0);
