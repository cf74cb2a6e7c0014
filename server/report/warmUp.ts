/**
 * A small report and a small version, made once in every format when the server starts, so that the
 * render worker has loaded its libraries and compiled their code before the first real download.
 * Every part a real file uses is here: a quote, a proposal, a reply, an endorsement, a disposition,
 * and text in a right-to-left script (the PDF loads its shaping for it).
 */
import type { RenderJob } from './renderWorker.ts';
import { summarise } from './summary.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';

const AT = '2025-01-01T00:00:00.000Z';
const AUTHOR = { id: 'warm-up', name: 'Ana Ruiz', country: 'ES', organisation: 'Ministry', stakeholder: 'government' as const };

const THREAD: ReportThread = {
  id: 'warm-up',
  ref: 'ES-001',
  link: '/documents/warm-up?thread=ES-001',
  documentId: 'warm-up',
  sectionId: 'section',
  anchor: null,
  quote: 'The words commented on.',
  originalQuote: 'The words commented on.',
  orphaned: false,
  kind: 'editorial',
  body: 'A comment, with café and مرحبا.',
  proposedText: 'Better words.',
  author: AUTHOR,
  createdAt: AT,
  updatedAt: AT,
  previousBodies: [],
  status: 'accepted',
  response: 'Agreed.',
  assigneeId: null,
  replies: [{ id: 'warm-up', author: AUTHOR, body: 'A reply.', createdAt: AT, updatedAt: null, speaksFor: null }],
  endorsements: ['warm-up'],
  dispositions: [{ status: 'accepted', response: 'Agreed.', assigneeId: null, by: 'Working group', at: AT }],
  applied: { at: AT, by: 'Working group' },
  received: null,
  authorReaction: { reaction: 'accepts', statement: null, at: AT },
  supportedBy: ['ES'],
  endorsedBy: ['Ana Ruiz (ES)'],
  sortKey: '0000-0000',
};

/**
 * A few dozen comments rather than one: V8 optimises a function only once it has run many times, and
 * with a single comment the first real file still ran mostly unoptimised code (XLSX and PDF, twice
 * the CPU time of the next one).
 */
const WARM_UP_COMMENTS = 40;

function warmUpReport(): Report {
  const threads = Array.from({ length: WARM_UP_COMMENTS }, (_, i) => ({ ...THREAD, id: `warm-up-${i}`, ref: `ES-${String(i + 1).padStart(3, '0')}`, sortKey: `0000-${String(i).padStart(4, '0')}` }));
  const sections: ReportSection[] = [{ id: 'section', number: '1', title: 'Scope', threads }];
  return {
    // An address, as a real report has: the PDF then makes its link annotations too.
    document: { id: 'warm-up', title: 'Warm-up', phase: 'consultation', deadline: null, adoptedAt: null, origin: 'https://accord.invalid' } as Report['document'],
    generatedAt: AT,
    options: { replies: true, anonymous: false },
    summary: summarise(sections),
    sections,
  };
}

export function warmUpJobs(): RenderJob[] {
  const report = warmUpReport();
  const version = {
    title: 'Warm-up',
    name: 'Draft',
    createdAt: AT,
    preamble: 'Preamble.',
    stamp: null,
    sections: Array.from({ length: WARM_UP_COMMENTS }, (_, i) => ({ id: `section-${i}`, number: String(i + 1), title: 'Scope', level: 1, text: 'Text with café and مرحبا.\nA second paragraph.' })),
  };
  return [
    ...(['csv', 'md', 'xlsx', 'docx', 'pdf'] as const).map((format): RenderJob => ({ kind: 'report', report, format, language: 'en' })),
    ...(['md', 'docx', 'pdf'] as const).map((format): RenderJob => ({ kind: 'version', version, format, language: 'en' })),
  ];
}
