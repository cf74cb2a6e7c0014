/**
 * The results as a Markdown table (readable on a terminal too), the targets' verdicts, and the
 * results section of docs/benchmarks.md, which the runner rewrites between two markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/testServer.ts';
import { ratio, type Figure, type Machine, type Verdict } from './helpers.ts';
import { TRACE_ATTRIBUTION } from './trace.ts';

export const DOCS_FILE = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export interface Run {
  machine: Machine;
  quick: boolean;
  startedAt: Date;
  seconds: number;
  figures: Figure[];
  verdicts: Verdict[];
  notes: string[];
  errors: string[];
}

function value(v: number | null | undefined, unit: string): string {
  if (v == null || !Number.isFinite(v)) return '–';
  if (unit === 'upd/s' || unit === 'count') return Math.round(v).toLocaleString('en');
  // A ratio of two figures of this run, read against targets such as 1.2.
  if (unit === '×') return v.toFixed(2);
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en');
  return v.toFixed(1);
}

export function resultsMarkdown(run: Run): string {
  const { machine } = run;
  const lines = [
    `Run of ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${run.quick ? '`--quick`' : 'full'}, ${run.seconds.toFixed(0)} s.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ` +
      `load average ${machine.load[0].toFixed(1)} at the start and ${machine.load[1].toFixed(1)} at the end (other work on the machine shares the cores).`,
    '',
    '| scenario | metric | unit | ours | reference | ours / reference | reference, no echo | ours / no echo |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const times = (r: number | null) => (r === null ? '' : `${r.toFixed(2)}×`);
  for (const f of run.figures) {
    const arrow = f.better === 'lower' ? '↓' : '↑';
    const reference = f.reference === undefined ? '' : value(f.reference, f.unit);
    const noEcho = f.referenceNoEcho === undefined ? '' : value(f.referenceNoEcho, f.unit);
    lines.push(`| ${f.scenario} | ${f.metric} | ${f.unit} ${arrow} | ${value(f.ours, f.unit)} | ${reference} | ${times(ratio(f.ours, f.reference))} | ${noEcho} | ${times(ratio(f.ours, f.referenceNoEcho))} |`);
  }
  lines.push(
    '',
    '↓ lower is better, ↑ higher is better; the reference is @y/websocket-server 0.1.1, measured in the same run. It sends every update back to its sender as well; "no echo" is a copy of its relay logic without that (tests/bench/referenceRelay.ts), and only the gap to it is our work.',
    '',
    '| target | verdict | measured |',
    '| --- | --- | --- |',
  );
  for (const v of run.verdicts) lines.push(`| ${v.target} | ${v.pass === null ? 'N/A' : v.pass ? 'PASS' : '**FAIL**'} | ${v.detail} |`);
  if (run.errors.length) lines.push('', 'Errors:', '', ...run.errors.map((e) => `- ${e.split('\n')[0]}`));
  if (run.notes.length) lines.push('', 'Notes:', '', ...run.notes.map((n) => `- ${n}`));
  lines.push('', TRACE_ATTRIBUTION);
  return lines.join('\n');
}

/** Replaces the results section of docs/benchmarks.md (the rest of the page is written by hand). */
export function writeResults(markdown: string): void {
  if (!existsSync(DOCS_FILE)) throw new Error(`${DOCS_FILE} is missing; it holds the results markers`);
  const page = readFileSync(DOCS_FILE, 'utf8');
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE} has no ${START} … ${END} section`);
  writeFileSync(DOCS_FILE, `${page.slice(0, start + START.length)}\n${markdown}\n${page.slice(end)}`);
}
