/**
 * (h) Bringing a 100-page Word draft in: a file of about 40,000 words and 150 headings, written with
 * the `docx` package, sent to POST /api/documents/preview. Target: the preview answers in under 3 s.
 * The first run includes starting the import worker; the verdict is on the median of three. While a
 * conversion runs, /api/health is polled: the server must stay responsive (conversion is off the
 * main thread).
 */
import { longWordDraft } from '../helpers/wordFiles.ts';
import type { BenchContext } from './context.ts';
import { median, type ScenarioResult } from './helpers.ts';

const HEADINGS = 150;
const WORDS = 40_000;
const LIMIT_MS = 3000;
/** Several consultations a year, over the years: the list must stay quick with this many. */
const LIST_DOCUMENTS = 200;
const LIST_LIMIT_MS = 100;

/** Creates empty drafts until there are `count` documents, then times the Secretariat's list. */
async function documentsListWith(ctx: BenchContext, count: number): Promise<{ ms: number; count: number }> {
  const { test } = ctx.ours;
  const list = async () => (await test.api('GET', '/api/documents', { cookie: test.adminCookie })).body as unknown[];
  for (let have = (await list()).length; have < count; have++) {
    const res = await test.api('POST', '/api/documents', { cookie: test.adminCookie, body: { title: `Guidance draft ${have + 1}` } });
    if (res.status !== 201) throw new Error(`creating a document answered ${res.status}`);
  }
  const times: number[] = [];
  let seen = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    seen = (await list()).length;
    times.push(performance.now() - started);
  }
  ctx.log(`(h) documents list: ${times.map((ms) => ms.toFixed(1)).join(', ')} ms for ${seen} documents`);
  return { ms: median(times), count: seen };
}

export async function runImportWord(ctx: BenchContext): Promise<ScenarioResult> {
  const { test } = ctx.ours;
  const file = await longWordDraft(HEADINGS, WORDS);
  ctx.log(`(h) generated a Word file of ${(file.byteLength / 1024).toFixed(0)} KB`);
  const preview = async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'long-draft.docx');
    const started = performance.now();
    const res = await fetch(`${test.url}/api/documents/preview`, { method: 'POST', headers: { origin: test.url, cookie: test.adminCookie }, body: form });
    const body = (await res.json()) as { sections?: unknown[]; words?: number };
    const ms = performance.now() - started;
    if (res.status !== 200 || body.sections?.length !== HEADINGS) throw new Error(`preview answered ${res.status} with ${body.sections?.length} sections`);
    return { ms, words: body.words ?? 0 };
  };

  // Health probes during the runs: the longest wait for an answer.
  const probing = { on: true };
  let worstHealthMs = 0;
  const probe = (async () => {
    while (probing.on) {
      const started = performance.now();
      await fetch(`${test.url}/api/health`);
      worstHealthMs = Math.max(worstHealthMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const runs: number[] = [];
  let words = 0;
  try {
    for (let i = 0; i < 3; i++) {
      const result = await preview();
      runs.push(result.ms);
      words = result.words;
      ctx.log(`(h) preview ${i + 1}: ${result.ms.toFixed(0)} ms`);
    }
  } finally {
    probing.on = false;
    await probe;
  }
  const typical = median(runs);
  const list = await documentsListWith(ctx, LIST_DOCUMENTS);
  return {
    figures: [
      { scenario: '(h) import', metric: 'preview of a 100-page .docx, first (starts the worker)', unit: 'ms', ours: Math.round(runs[0]!), better: 'lower' },
      { scenario: '(h) import', metric: 'preview of a 100-page .docx, median of 3', unit: 'ms', ours: Math.round(typical), better: 'lower' },
      { scenario: '(h) import', metric: 'longest /api/health answer during the previews', unit: 'ms', ours: Math.round(worstHealthMs), better: 'lower' },
      { scenario: '(h) documents', metric: `GET /api/documents with ${list.count} documents, median of 5`, unit: 'ms', ours: Math.round(list.ms), better: 'lower' },
    ],
    verdicts: [
      { target: `(h) preview of a 100-page Word file < ${LIMIT_MS / 1000} s`, pass: typical < LIMIT_MS, detail: `median ${typical.toFixed(0)} ms (${words} words, ${HEADINGS} sections)` },
      { target: `(h) the documents list with ${LIST_DOCUMENTS} documents < ${LIST_LIMIT_MS} ms`, pass: list.ms < LIST_LIMIT_MS, detail: `median ${list.ms.toFixed(1)} ms for ${list.count} documents` },
    ],
    notes: [`(h) import: ${(file.byteLength / 1024).toFixed(0)} KB .docx, ${words} words, ${HEADINGS} headings; runs ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms.`],
  };
}
