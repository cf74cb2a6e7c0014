/**
 * (d) The consolidated feedback report with 1,000 and 10,000 threads, as JSON and DOCX. That
 * benchmark belongs to the report's engineer: tests/bench/report.ts, a script that takes thread
 * counts as arguments and prints its timings. This file only runs it (in this process: it starts
 * its own servers) with its output captured, reads the HTTP timings back, and judges them against
 * the targets (JSON < 1 s, DOCX < 5 s and PDF < 3 s at 10,000 threads), and the PDF's ratio to a
 * reference made in the same run. Quick runs do 1,000 threads only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext } from './context.ts';
import { within, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';

const FILE = path.join(import.meta.dirname, 'report.ts');
const TARGETS: Array<{ threads: number; format: string; limitMs: number }> = [
  { threads: 10_000, format: 'json', limitMs: 1000 },
  { threads: 10_000, format: 'docx', limitMs: 5000 },
  { threads: 10_000, format: 'pdf', limitMs: 3000 },
];

interface ReportFigure {
  threads: number;
  format: string;
  ms: number;
}

const targetName = (t: { threads: number; format: string; limitMs: number }) =>
  `(d) report, ${t.threads.toLocaleString('en')} threads, ${t.format.toUpperCase()} < ${t.limitMs / 1000} s`;

function notAvailable(why: string): ScenarioResult {
  return { figures: [], verdicts: TARGETS.map((t) => ({ target: targetName(t), pass: null, detail: `not available: ${why}` })), notes: [`(d) reports: not available (${why}).`] };
}

/** Reads "N threads" headers, "GET ?format=F (HTTP)   T ms" lines and "PDF ratio to reference   R" lines (format "pdf/reference", ms the ratio). */
export function parseReportOutput(lines: string[]): ReportFigure[] {
  const figures: ReportFigure[] = [];
  let threads = 0;
  for (const line of lines) {
    const header = /^(\d+) threads$/.exec(line.trim());
    if (header) threads = Number(header[1]);
    const ratio = /^PDF ratio to reference\s+(\d+(?:\.\d+)?)/.exec(line.trim());
    if (ratio && threads) figures.push({ threads, format: 'pdf/reference', ms: Number(ratio[1]) });
    const timing = /^GET \?format=(\w+) \(HTTP\)\s+(\d+(?:\.\d+)?) ms$/.exec(line.trim());
    if (timing && threads) figures.push({ threads, format: timing[1]!.toLowerCase(), ms: Number(timing[2]) });
  }
  return figures;
}

/** Imports the script with the given arguments and returns what it printed. */
async function runScript(counts: number[], log: (line: string) => void): Promise<string[]> {
  const lines: string[] = [];
  const print = console.log;
  const argv = process.argv;
  console.log = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    lines.push(...line.split('\n'));
    log(`report.ts: ${line}`);
  };
  process.argv = [argv[0]!, FILE, ...counts.map(String)];
  try {
    await within(import(pathToFileURL(FILE).href), 15 * 60_000, 'tests/bench/report.ts');
  } finally {
    console.log = print;
    process.argv = argv;
  }
  return lines;
}

export async function runReports(ctx: BenchContext): Promise<ScenarioResult> {
  if (!existsSync(FILE)) return notAvailable('tests/bench/report.ts does not exist yet');
  const counts = ctx.options.quick ? [1000] : [1000, 10_000];
  ctx.log(`(d) running tests/bench/report.ts ${counts.join(' ')}…`);
  const figures = parseReportOutput(await runScript(counts, ctx.log));
  if (figures.length === 0) return notAvailable('tests/bench/report.ts printed no "GET ?format=… (HTTP)  N ms" timings');
  const scenario = '(d) consolidated report (tests/bench/report.ts)';
  const rows: Figure[] = figures.map((f) =>
    f.format === 'pdf/reference'
      ? { scenario, metric: `${f.threads.toLocaleString('en')} threads, PDF time ÷ the same words as plain pdfkit lines`, unit: 'ratio', ours: f.ms, better: 'lower' }
      : { scenario, metric: `${f.threads.toLocaleString('en')} threads, GET ?format=${f.format} (HTTP)`, unit: 'ms', ours: f.ms, better: 'lower' },
  );
  const verdicts: Verdict[] = TARGETS.map((t) => {
    const found = figures.find((f) => f.threads === t.threads && f.format === t.format);
    if (!found) return { target: targetName(t), pass: null, detail: ctx.options.quick ? 'not measured in a quick run' : 'not measured by tests/bench/report.ts' };
    return { target: targetName(t), pass: found.ms < t.limitMs, detail: `${found.ms.toFixed(0)} ms (${((found.ms / t.limitMs) * 100).toFixed(0)} % of the limit)` };
  });
  return { figures: rows, verdicts, notes: ['(d) figures are the HTTP answers timed by tests/bench/report.ts (threads written straight into the data, then a real server); its other timings are in the log on stderr.'] };
}
