/**
 * The report as Markdown (CommonMark with GitHub tables). Everything a person typed goes through
 * inline() or block(), which escape it so that no comment can make a heading, a link, a list, a
 * table cell boundary or raw HTML: user text is always shown as the text it is.
 */
import { authorLine, day, kindLabel, metadataLines, observations, quoteNote, quoteOf, receivedLine, REPORT_TITLE, secretaryTables, sectionHeading, SECTION_ROWS_HEADER, sectionRows, summaryTables, supportLine, threadNumber, threadUrl, totalsLine } from './labels.ts';
import { THREAD_STATUS_LABELS } from '../../shared/domain.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';

/** Characters that mean something anywhere in a line. CommonMark lets any ASCII punctuation be escaped. */
const ANYWHERE = /[\\`*_[\]<>|!&~#@]/g;
/** GitHub-flavoured Markdown links bare addresses too: "http:", "www." and e-mail addresses (the @ above). */
const AUTOLINK = /\b(https?|ftp|mailto)(:)|\b(www)(\.)/gi;

function escapeText(text: string): string {
  return text.replace(ANYWHERE, '\\$&').replace(AUTOLINK, (_match, scheme?: string, colon?: string, www?: string, dot?: string) =>
    scheme ? `${scheme}\\${colon}` : `${www}\\${dot}`,
  );
}
/** What means something only at the start of a line: lists, setext underlines, rules. */
const LINE_START = /^[-+=]/;
const ORDERED_MARKER = /^(\d+)([.)])/;

function escapeLine(line: string): string {
  const escaped = escapeText(line.trimStart());
  // An ordered-list marker "12." is defused by escaping its dot or parenthesis.
  const ordered = ORDERED_MARKER.exec(escaped);
  if (ordered?.[1]) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return LINE_START.test(escaped) ? `\\${escaped}` : escaped;
}

/** User text on one line that starts a paragraph or list item: line breaks become spaces. */
export function inline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** User text after a heading's hashes or inside a table cell, where no line-start syntax applies. */
export function cellText(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ').trim());
}

/**
 * User text as paragraphs, each line of the original kept by a hard line break, every output line
 * starting with `prefix` (e.g. "> " inside a quote).
 */
export function block(text: string, prefix = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(escapeLine).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
  if (paragraphs.length === 0) return '';
  return paragraphs.map((lines) => lines.map((line) => prefix + line).join('\\\n')).join(`\n${prefix.trimEnd()}\n`);
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Our own link, not user text: the document id and the reference are letters, digits and dashes. */
const link = (url: string) => `[Open in Accord](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;

function threadMarkdown(report: Report, thread: ReportThread): string {
  const parts = [`### ${cellText(threadNumber(thread))} · ${cellText(kindLabel(thread.kind))} · ${cellText(THREAD_STATUS_LABELS[thread.status])}`, link(threadUrl(report, thread))];
  const quote = quoteOf(thread);
  if (quote) parts.push('**Text as commented on**', block(quote, '> '));
  const note = quoteNote(thread);
  if (note) parts.push(`*${inline(note)}*`);
  parts.push('**Comment**', block(thread.body));
  if (thread.proposedText) parts.push('**Proposed change**', block(thread.proposedText));
  const support = supportLine(thread);
  parts.push(`**By** ${inline(authorLine(thread.author))} · ${day(thread.createdAt)}${support ? ` · ${cellText(support)}` : ''}`);
  const received = receivedLine(thread);
  if (received) parts.push(`*${inline(received)}*`);
  for (const reply of thread.replies) {
    parts.push(`**Reply from ${inline(authorLine(reply.author))}, ${day(reply.createdAt)}**`, block(reply.body));
  }
  parts.push('**Observations of the working group**', block(observations(thread).join('\n')));
  return parts.filter(Boolean).join('\n\n');
}

export function sectionMarkdown(report: Report, section: ReportSection): string {
  const parts = [`## ${cellText(sectionHeading(section))}`];
  if (section.threads.length === 0) parts.push('*No comments.*');
  section.threads.forEach((thread) => parts.push(threadMarkdown(report, thread)));
  return parts.join('\n\n');
}

export function reportMarkdown(report: Report): string {
  const parts = [
    `# ${cellText(report.document.title)}`,
    `**${REPORT_TITLE}**`,
    metadataLines(report).map((line) => `- ${inline(line)}`).join('\n'),
    '## Summary',
    inline(totalsLine(report)),
    ...summaryTables(report).flatMap((t) => [`**${t.title}**`, table(t.header, t.rows)]),
    '**By section**',
    table(SECTION_ROWS_HEADER, sectionRows(report)),
    ...secretaryTables(report).flatMap((t) => [`**${t.title}**`, table(t.header, t.rows)]),
    ...report.sections.map((section) => sectionMarkdown(report, section)),
  ];
  return `${parts.join('\n\n')}\n`;
}
